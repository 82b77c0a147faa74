"""The library's settings, read in one place with the PACTE_DOCUMENTS_ prefix."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, f"PACTE_DOCUMENTS_{name}", default)


def max_upload_mb() -> int:
    return _get("MAX_UPLOAD_MB", 20)


def max_upload_bytes() -> int:
    return max_upload_mb() * 1024 * 1024


def per_page() -> int:
    return _get("PER_PAGE", 20)


def extraction_timeout_seconds() -> int:
    """CPU seconds (and twice that in wall time) a text extraction may take before it is stopped."""
    return _get("EXTRACTION_TIMEOUT_SECONDS", 20)


def extraction_wall_seconds() -> float:
    """Wall-clock seconds an extraction may take, waiting included (a reader blocked on nothing uses no CPU):
    by default twice the CPU time, plus five seconds for the interpreter to start on a loaded machine."""
    return _get("EXTRACTION_WALL_SECONDS", None) or extraction_timeout_seconds() * 2 + 5


def extraction_memory_mb() -> int:
    """Address space of the extraction subprocess."""
    return _get("EXTRACTION_MEMORY_MB", 512)


def max_extracted_chars() -> int:
    return _get("MAX_EXTRACTED_CHARS", 2_000_000)


def max_archive_ratio() -> int:
    """An office file (a zip) whose content unpacks to more than this many times its size is refused (zip bomb)."""
    return _get("MAX_ARCHIVE_RATIO", 100)

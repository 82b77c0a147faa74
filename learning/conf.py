"""The learning app's settings, prefixed PACTE_LEARNING_."""

from django.conf import settings


def max_reflection_length() -> int:
    return getattr(settings, "PACTE_LEARNING_MAX_REFLECTION_LENGTH", 10000)


def certificate_code_length() -> int:
    """Characters of a certificate's verification code (base32 without look-alikes): 12 make guessing hopeless."""
    return getattr(settings, "PACTE_LEARNING_CERTIFICATE_CODE_LENGTH", 12)


# Interactive packages (SCORM 1.2 / 2004), checked by learning.packages before anything is extracted.


def packages_root():
    """Where packages are extracted, one directory per package named by its SHA-256; never served as media (the
    package view reads them)."""
    from pathlib import Path

    default = Path(settings.PRIVATE_MEDIA_ROOT) / "learning-packages"
    return Path(getattr(settings, "PACTE_LEARNING_PACKAGES_ROOT", default))


def package_max_upload_bytes() -> int:
    return getattr(settings, "PACTE_LEARNING_PACKAGE_MAX_UPLOAD_MB", 50) * 1024 * 1024


def package_max_entries() -> int:
    return getattr(settings, "PACTE_LEARNING_PACKAGE_MAX_ENTRIES", 2000)


def package_max_unpacked_bytes() -> int:
    return getattr(settings, "PACTE_LEARNING_PACKAGE_MAX_UNPACKED_MB", 200) * 1024 * 1024


def package_max_ratio() -> int:
    """The largest compression ratio of one entry: beyond, a zip bomb rather than a course."""
    return getattr(settings, "PACTE_LEARNING_PACKAGE_MAX_RATIO", 100)


def package_link_hours() -> int:
    """How long a signed link to a package's files stays valid (the lesson page issues a fresh one each visit)."""
    return getattr(settings, "PACTE_LEARNING_PACKAGE_LINK_HOURS", 8)

"""The forums' settings, read in one place with the PACTE_FORUMS_ prefix."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, f"PACTE_FORUMS_{name}", default)


def posts_per_page() -> int:
    return _get("POSTS_PER_PAGE", 20)


def topics_per_page() -> int:
    return _get("TOPICS_PER_PAGE", 30)


def posts_per_minute(user=None) -> int:
    """How many posts (topics and replies) one person may write in a minute. POSTS_PER_MINUTE_BY_EMAIL
    ({e-mail: limit}, empty unless set) gives named accounts a limit of their own: the benchmark's logged-in
    coordinator posts many replies a second (cms/settings/bench.py)."""
    limit = _get("POSTS_PER_MINUTE", 6)
    if user is not None:
        limit = _get("POSTS_PER_MINUTE_BY_EMAIL", {}).get((user.email or "").lower(), limit)
    return limit


def duplicate_window_seconds() -> int:
    """The same text posted again by the same person within this window is refused."""
    return _get("DUPLICATE_WINDOW_SECONDS", 600)


def max_mentions() -> int:
    return _get("MAX_MENTIONS", 10)


def max_links() -> int:
    return _get("MAX_LINKS", 15)


def max_post_length() -> int:
    """In characters of Markdown."""
    return _get("MAX_POST_LENGTH", 20_000)


def max_attachments() -> int:
    return _get("MAX_ATTACHMENTS", 5)


def max_attachment_bytes() -> int:
    return _get("MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)

"""The seminars' settings, read in one place with the PACTE_SEMINARS_ prefix."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, f"PACTE_SEMINARS_{name}", default)


def time_zone() -> str:
    """Seminars happen in France: calendars and due dates are given in this time zone."""
    return _get("TIME_ZONE", "Europe/Paris")


def max_submission_files() -> int:
    return _get("MAX_SUBMISSION_FILES", 5)


def max_submission_text() -> int:
    """In characters."""
    return _get("MAX_SUBMISSION_TEXT", 50_000)


def diploma_requirements() -> dict:
    """What the diploma asks of a coordinator: seminars attended (at least one half-day present), modules
    completed, written work accepted, forum messages."""
    return {"seminars": 3, "modules": 3, "accepted_work": 3, "forum_posts": 1, **_get("DIPLOMA_REQUIREMENTS", {})}

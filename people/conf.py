"""The people app's settings, read in one place with the PACTE_ prefix."""

from datetime import timedelta

from django.conf import settings
from django.utils.module_loading import import_string


def invitation_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "PACTE_INVITATION_DAYS", 14))


def csv_writer():
    """The platform's CSV writer (csv.writer's arguments; cells that a spreadsheet would run as formulas are
    neutralised). It lives with the shared building blocks in cms, which people must not import: settings wire it."""
    return import_string(settings.PACTE_CSV_WRITER)

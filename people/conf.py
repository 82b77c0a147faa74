"""The people app's settings, read in one place with the PACTE_ prefix."""

from datetime import timedelta

from django.conf import settings


def invitation_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "PACTE_INVITATION_DAYS", 14))

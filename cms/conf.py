"""The cms app's settings, read in one place with the PACTE_ prefix."""

from datetime import timedelta

from django.conf import settings


def invitation_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "PACTE_INVITATION_DAYS", 14))


def demo_enabled() -> bool:
    return bool(getattr(settings, "PACTE_DEMO_ENABLED", False))


def demo_password() -> str:
    return getattr(settings, "PACTE_DEMO_PASSWORD", "pacte-demo")

"""The cms app's settings, read in one place with the PACTE_ prefix."""

from django.conf import settings


def demo_enabled() -> bool:
    return bool(getattr(settings, "PACTE_DEMO_ENABLED", False))


def demo_password() -> str:
    return getattr(settings, "PACTE_DEMO_PASSWORD", "pacte-demo")

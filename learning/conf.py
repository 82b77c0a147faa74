"""The learning app's settings, prefixed PACTE_LEARNING_."""

from django.conf import settings


def max_reflection_length() -> int:
    return getattr(settings, "PACTE_LEARNING_MAX_REFLECTION_LENGTH", 10000)


def certificate_code_length() -> int:
    """Characters of a certificate's verification code (base32 without look-alikes): 12 make guessing hopeless."""
    return getattr(settings, "PACTE_LEARNING_CERTIFICATE_CODE_LENGTH", 12)

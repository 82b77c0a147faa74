"""Fixtures of the security suite: the security settings of production, applied to the test site."""

import os
import runpy
import secrets

import pytest
from django.test import Client

from . import baseline


@pytest.fixture(scope="session")
def production_security_settings():
    """The security-relevant settings exactly as cms.settings.production computes them (from a fake environment).
    Storage, database, email and caches stay the test ones: only what changes what a browser is told is taken."""
    saved = dict(os.environ)
    os.environ.update(
        {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "testserver", "BASE_URL": "https://testserver"}
    )
    try:
        production = runpy.run_module("cms.settings.production")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return {name: value for name, value in production.items() if baseline.is_security_setting(name)}


@pytest.fixture
def production_settings(settings, production_security_settings):
    for name, value in production_security_settings.items():
        setattr(settings, name, value)
    return settings


class HttpsClient(Client):
    """Every request over HTTPS, as behind the production proxy (SECURE_SSL_REDIRECT answers 301 otherwise)."""

    def generic(self, *args, secure=False, **kwargs):
        return super().generic(*args, secure=True, **kwargs)


@pytest.fixture
def https_client(production_settings):
    return HttpsClient()


@pytest.fixture
def https_csrf_client(production_settings):
    return HttpsClient(enforce_csrf_checks=True)

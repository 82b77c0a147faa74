import os
import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="pacte-test-media-")
PACTE_DEMO_ENABLED = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pacte-test"}}
# Tests write many posts per person within a minute; forums/tests/test_limits.py sets the real limit.
PACTE_FORUMS_POSTS_PER_MINUTE = 10_000
# The database backend for the suite; search/tests/test_contract.py runs Elasticsearch too when ELASTICSEARCH_URL is set.
PACTE_SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT") or tempfile.mkdtemp(prefix="pacte-test-private-")
FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)  # noqa: F405

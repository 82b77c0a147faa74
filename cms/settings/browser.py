"""The site as the browser suite (tests/browser) serves it: test settings with DEBUG off, as in production, in a
server process of its own. Static files come straight from the finders (no collectstatic), and media from the
suite's temporary directory, so that demo images render. The harness passes every path through the environment."""

import os
from pathlib import Path

from .test import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

WHITENOISE_USE_FINDERS = True
# Renditions are created while the suite runs: look files up per request instead of once at start-up.
WHITENOISE_AUTOREFRESH = True

# PACTE_BROWSER_PUBLIC holds media/ only (never the database), served at /media/ by whitenoise.
_public = os.environ.get("PACTE_BROWSER_PUBLIC")
if _public:
    WHITENOISE_ROOT = _public
    MEDIA_ROOT = str(Path(_public) / "media")
    # The library's private files, shared by the process that builds the site and the server's workers.
    PRIVATE_MEDIA_ROOT = str(Path(_public).parent / "private_media")
    FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)  # noqa: F405
    # SCORM packages extracted while the demo is built must be there when the server (another process) serves them.
    PACTE_LEARNING_PACKAGES_ROOT = Path(_public).parent / "learning-packages"

# Emails land in files that a journey can read (invitations, password reset).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("PACTE_BROWSER_MAIL", str(Path(MEDIA_ROOT).parent / "mail"))

WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Links in e-mails point to the server that sent them: `make run` passes its PORT (8000 by default) to runserver.
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
# `make run` has no worker: tasks (e-mails, the people import) run in the request that queues them, once its
# transaction commits, and e-mails are printed on the console.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PACTE_DEMO_ENABLED = True
MEDIA_ROOT = BASE_DIR / "media"

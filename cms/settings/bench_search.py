"""The search benchmark (bench/search.py): the bench's production-like settings, on a database of its own."""

from .bench import *  # noqa: F401,F403
from .bench import BENCH_DIR, DATABASES

ROOT_URLCONF = "cms.urls"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["NAME"] = str(BENCH_DIR / "search.sqlite3")
else:
    DATABASES["default"]["NAME"] = f"{DATABASES['default']['NAME']}_search"
# Pages are rendered in process: static addresses without collectstatic's manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

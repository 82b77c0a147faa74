"""`make bench`: production settings as deployed behind a TLS proxy, on a database of its own, with a local secret
and the bare floor view of bench/urls.py. Only the bench driver (bench/run.py) and the gunicorn it starts use it."""

import os
from pathlib import Path

# BENCH_DIR=/some/dir keeps a bench database apart (two worktrees sharing one .cache, say).
_BENCH_DIR = Path(os.environ.get("BENCH_DIR") or Path(__file__).resolve().parent.parent.parent / ".cache" / "bench")
# Production refuses to start without these: the bench supplies local values, nothing else differs.
os.environ.setdefault("SECRET_KEY", "bench-only-local-secret-never-deployed-0123456789abcdef")  # noqa: S105
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("BASE_URL", "http://127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DB_CONN_MAX_AGE", "600")
os.environ.setdefault("CACHE_DIR", str(_BENCH_DIR / "cache"))

from .production import *  # noqa: E402,F401,F403
from .production import DATABASES, MIDDLEWARE  # noqa: E402

BENCH_DIR = _BENCH_DIR
ROOT_URLCONF = "bench.urls"
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_DIR / "private_media"
FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)  # noqa: F405
PACTE_DEMO_ENABLED = True

# A database of its own: `<name>_bench` on the DATABASE_URL server, else a SQLite file.
if os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = f"{DATABASES['default']['NAME']}_bench"
else:
    DATABASES["default"]["NAME"] = str(BENCH_DIR / "db.sqlite3")
    # Two workers writing at once (the "post a reply" row): a write transaction takes its lock when it begins and
    # others wait for it, instead of failing with "database is locked" when a read lock cannot become a write one.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

# The "post a reply" row posts as the logged-in coordinator (bench/run.py LOGGED_IN_EMAIL) as fast as it can: their
# own posts-per-minute limit. Every other limit and everyone else's stay as in production.
PACTE_FORUMS_POSTS_PER_MINUTE_BY_EMAIL = {"coordinator.bretagne@example.org": 1_000_000}

# BENCH_PAGE_CACHE=0 serves every page uncached, to measure the rendering itself.
if os.environ.get("BENCH_PAGE_CACHE", "1") == "0":
    MIDDLEWARE = [m for m in MIDDLEWARE if m != "cms.page_cache.PageCacheMiddleware"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}

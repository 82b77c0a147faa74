"""Settings shared by every environment. Environment variables are read here and in the
environment-specific modules only."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import pgettext_lazy

from .client_address import axes_client_address

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "people",
    "cms",
    "documents",
    "learning",
    "search",
    "forums",
    "seminars",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.PacteUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "easy_thumbnails",
    "filer",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp with the per-area relaxations of PACTE_CSP_REPLACE_BY_PREFIX (below). Outside the page cache,
    # locale and common middleware, so that their answers (cache hits, language redirects) carry the policy too.
    "cms.middleware.AreaCSPMiddleware",
    # A URL with a NUL character is a bad request (PostgreSQL refuses NUL in any query): before anything reads it.
    "cms.middleware.NulCharacterMiddleware",
    # Before sessions and authentication: a cached anonymous page costs none of them.
    "cms.page_cache.PageCacheMiddleware",
    # Inside the page cache, which so stores pages already typeset (once); outside LocaleMiddleware, whose
    # Content-Language says which pages are French.
    "cms.middleware.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login attempt is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://...) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    # Throttles repeated failed logins (django-axes) before the real check runs.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Database sessions that know whose they are: closing an account ends its sessions (people.services.lifecycle).
SESSION_ENGINE = "people.sessions"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:space"
LOGOUT_REDIRECT_URL = "/"
# Password reset links: one day.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Login throttling: after 5 failures for the same email from the same address, wait 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Emails log in whatever their case, so failures are counted per lower-cased email.
AXES_USERNAME_CALLABLE = "people.views.accounts.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# Renders AXES_LOCKOUT_TEMPLATE with the wait in minutes.
AXES_LOCKOUT_CALLABLE = "people.views.accounts.locked_out"
AXES_VERBOSE = False
# The address half of the lockout key. Behind the production reverse proxy every request comes from the proxy's
# address, so axes must read X-Forwarded-For, but only the entries the trusted proxies wrote (see
# cms/settings/client_address.py). PACTE_TRUSTED_PROXIES: how many reverse proxies stand in front of Django
# (1 behind one nginx); 0, the default, ignores X-Forwarded-For and counts REMOTE_ADDR.
PACTE_TRUSTED_PROXIES = int(os.environ.get("PACTE_TRUSTED_PROXIES", "0"))
_client_address = axes_client_address(PACTE_TRUSTED_PROXIES)
AXES_IPWARE_PROXY_COUNT = _client_address["AXES_IPWARE_PROXY_COUNT"]
AXES_IPWARE_META_PRECEDENCE_ORDER = _client_address["AXES_IPWARE_META_PRECEDENCE_ORDER"]
# Count from the right and skip what lies to the left of the client (forged entries), rather than refuse the
# whole header: refused headers would all fall back to the proxy's one address, shared again.
IPWARE_STRICT = False

# Languages: French is the source, English the translation.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Named in the admin's language ("Publier en anglais"); LANGUAGES keeps each language's own name for the switcher.
WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", pgettext_lazy("content language", "French")),
    ("en", pgettext_lazy("content language", "English")),
]
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
# British dates in English (cms/formats/en); Django's own French formats already write "15 septembre 2026".
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "PACTE"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
# The admin's "forgotten password" queues the same e-mail as the site's (people.mail), sent by the worker.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "people.forms.AdminPasswordResetForm"
# The login e-mail is not in Wagtail's own account settings: only the national team changes it
# (people.user_admin.LoginEmailSettingsPanel, and the Users screens).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# People choose their own password through an invitation; administrators never type one.
WAGTAILUSERS_PASSWORD_ENABLED = False
# The admin's login form with its password field labelled in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "people.user_admin.AdminLoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Page addresses in ASCII: /fr/equipe-de-soins/, not /fr/%C3%A9quipe-de-soins/ once copied into an e-mail.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The site's search (search.conf): Elasticsearch when ELASTICSEARCH_URL is set, else the database's full-text engine.
PACTE_SEARCH_ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
PACTE_SEARCH_BACKEND = (
    "search.backends.elasticsearch.ElasticsearchBackend"
    if PACTE_SEARCH_ELASTICSEARCH_URL
    else "search.backends.database.DatabaseBackend"
)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "odp", "xlsx", "ods", "txt", "zip"]
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
# Asking for a translation makes a draft: the English page goes live when someone publishes it, once translated,
# never as a copy of the French text. Until then the language switcher leads English readers to the English home.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Background work: django-tasks' database backend (run `manage.py db_worker`). E-mails go this way (people.mail).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Shared by every worker process of a server: the page cache and the navigation cache (cms.page_cache,
# cms.navigation) must be invalidated everywhere at once. Production uses Redis when CACHE_URL is set. Fail-soft
# subclasses of Django's backends (cms.cache_backends): when the cache fails, the site answers uncached.
CACHES = {
    "default": {
        "BACKEND": "cms.cache_backends.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PACTE <noreply@pacte.example.org>")

# Content-Security-Policy (django-csp): no inline script anywhere on the public site;
# the few inline scripts we need carry the per-request nonce.
from csp.constants import NONCE, SELF, UNSAFE_INLINE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    }
}
# The Wagtail 7.4 admin still renders inline <script> blocks (page listings, InlinePanel, date pickers,
# wagtail-localize's editor): seen blocked in Chromium under the strict policy. So under /admin/, and only
# there, script-src allows 'unsafe-inline' without a nonce (a nonce would make browsers ignore it). The
# public site and /django-admin/ keep the strict policy. Applied by cms.middleware.AreaCSPMiddleware.
PACTE_CSP_REPLACE_BY_PREFIX = {"/admin/": {"script-src": [SELF, UNSAFE_INLINE]}}
# No avatars fetched from gravatar.com: no third-party request leaks who browses the admin (GDPR), the
# admin works offline, and img-src stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Project settings (read through each app's conf.py).
PACTE_INVITATION_DAYS = int(os.environ.get("PACTE_INVITATION_DAYS", "14"))
PACTE_DEMO_PASSWORD = "pacte-demo"
# Demo accounts and content may only be loaded where this is True (never in production).
PACTE_DEMO_ENABLED = False
# The platform's CSV writer (formula cells neutralised), for the apps that cms builds on and so cannot import it.
PACTE_CSV_WRITER = "cms.csv.writer"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}


# django-filer keeps the library's files (documents.models.LibraryDocument) in its private storage, outside
# MEDIA_ROOT and under an address nothing serves: a guessed address answers 404, and every download goes through
# the permission-checked view (documents.views.download). Public filer files (images, logos) stay in MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))


def filer_storages(private_root):
    return {
        "private": {
            "main": {
                "ENGINE": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(Path(private_root) / "filer_private"), "base_url": "/private-media/"},
                "UPLOAD_TO": "filer.utils.generate_filename.randomized",
                "UPLOAD_TO_PREFIX": "filer_private",
            },
            "thumbnails": {
                "ENGINE": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {
                    "location": str(Path(private_root) / "filer_private_thumbnails"),
                    "base_url": "/private-media/thumbnails/",
                },
            },
        },
    }


FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)
# The largest library upload, in megabytes (documents.validation).
PACTE_DOCUMENTS_MAX_UPLOAD_MB = int(os.environ.get("PACTE_DOCUMENTS_MAX_UPLOAD_MB", "20"))

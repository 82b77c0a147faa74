"""The search app's settings, read here only (prefix PACTE_SEARCH_)."""

from django.conf import settings

# PostgreSQL text-search configurations, one per language (migration 0002): unaccent, then the Snowball stemmer.
POSTGRES_CONFIGS = {"fr": "pacte_french", "en": "pacte_english"}
POSTGRES_FRENCH_CONFIG = POSTGRES_CONFIGS["fr"]


def __getattr__(name):
    # Read at use, so that tests may override settings.
    defaults = {
        # Dotted path of the backend class; Elasticsearch when ELASTICSEARCH_URL is set (cms.settings).
        "BACKEND": "search.backends.database.DatabaseBackend",
        "ELASTICSEARCH_URL": "",
        "ELASTICSEARCH_INDEX": "pacte-search",
        "ELASTICSEARCH_TIMEOUT": 5,
        # Bounded work whatever the input.
        "MAX_QUERY_LENGTH": 200,
        "MAX_QUERY_TERMS": 10,
        "MAX_PAGE": 50,
        "PER_PAGE": 20,
        "SUGGESTIONS": 8,
        # Each query is cut off after this many milliseconds (PostgreSQL statement_timeout, SQLite progress
        # handler, Elasticsearch timeout).
        "QUERY_TIMEOUT_MS": 2000,
        # Text of a document kept in the index (characters): enough for any reference document.
        "MAX_BODY_CHARS": 200_000,
        # Page types served to logged-in members only by their own code (not by a Wagtail view restriction), by
        # model label: indexed for members only. A page type may instead define `search_access()`.
        "MEMBERS_ONLY_PAGES": ("learning.moduleindexpage", "learning.modulepage", "learning.lessonpage"),
    }
    if name in defaults:
        return getattr(settings, f"PACTE_SEARCH_{name}", defaults[name])
    raise AttributeError(name)

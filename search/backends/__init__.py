"""The search backend chosen in settings (PACTE_SEARCH_BACKEND), built once per process."""

from functools import lru_cache

from django.utils.module_loading import import_string

from search import conf


@lru_cache(maxsize=1)
def get_backend():
    return import_string(conf.BACKEND)(**_options())


def _options():
    if conf.BACKEND.endswith("ElasticsearchBackend"):
        return {"url": conf.ELASTICSEARCH_URL, "index": conf.ELASTICSEARCH_INDEX}
    return {}


def reset_backend():
    """Forget the cached backend (tests that change the setting)."""
    get_backend.cache_clear()

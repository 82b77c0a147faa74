"""Data derived from the page tree, the settings and the people, cached until one of them changes.

One version counter: every key carries it (the navigation's here, the page cache's in cms.page_cache), so one
bump refreshes them all. This module knows versions, keys and memoising only; what is cached, and when to bump,
is decided by its callers (cms.navigation, cms.routing, cms.signals). It imports no model."""

import time

from django.core.cache import cache

VERSION_KEY = "pacte:chrome:version"
TIMEOUT = 60 * 60 * 24


def _fresh_version():
    # A cache may evict the counter: restarting it from the clock never reuses a value that old keys carry.
    return time.time_ns() // 1000


def invalidate():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), None)


def version(request=None):
    """Bumped by `invalidate`. Read once per request: a page looks up several cached parts, each would
    otherwise read the counter again."""
    value = getattr(request, "_pacte_chrome_version", None)
    if value is None:
        value = cache.get(VERSION_KEY)
        if value is None:
            value = _fresh_version()
            cache.set(VERSION_KEY, value, None)
        if request is not None:
            request._pacte_chrome_version = value
    return value


def key(name, request=None):
    return f"pacte:chrome:{version(request)}:{name}"


def get(name, request=None):
    return cache.get(key(name, request))


def set(name, value, request=None):  # noqa: A001 (mirrors the cache API)
    cache.set(key(name, request), value, TIMEOUT)


def remember(name, build, request=None):
    """`build()` (picklable, never None) cached until the version is bumped."""
    value = get(name, request)
    if value is None:
        value = build()
        set(name, value, request)
    return value


def cached(request, name, build):
    """`build(site)` (picklable data derived from the page tree) cached per site until the tree changes."""
    from wagtail.models import Site  # here, not at import time: this module must load before any model

    site = Site.find_for_request(request)
    return remember(f"{site.pk if site else 0}:{name}", lambda: build(site), request)

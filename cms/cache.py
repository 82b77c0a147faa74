"""Data derived from the page tree, the settings and the people, cached until one of them changes.

Version counters: one global version, bumped by changes that every page may show (the tree, the site settings,
images); and scoped versions, bumped by changes that only some pages show (`people_scope(region_id)`: the people a
region page lists). Every key carries the global version, and the scoped versions its data came from, so a bump
refreshes exactly what depended on it. The scoped versions a request reads are its page's dependencies:
cms.page_cache stores them with the page and serves it only while they are unchanged.

This module knows versions, keys and memoising only; what is cached, and when to bump, is decided by its callers
(cms.navigation, cms.routing, cms.signals). It imports no model."""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "pacte:chrome:version"
TIMEOUT = 60 * 60 * 24
_GLOBAL_ATTR = "_pacte_chrome_version"
_SCOPES_ATTR = "_pacte_scoped_versions"


def people_scope(region_id):
    """The people of a region, as its region pages list them."""
    return f"people:{region_id}"


def _version_key(scope):
    return VERSION_KEY if scope is None else f"pacte:version:{scope}"


def _fresh_version():
    # A cache may evict the counter: restarting it from the clock never reuses a value that old keys carry.
    return time.time_ns() // 1000


def _bump(scope):
    key = _version_key(scope)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_version(), None)


def invalidate(scope=None):
    """Bump the global version, or `scope`'s, once the transaction commits: a rolled-back change refreshes nothing,
    and no request can cache the old data again under the new version between the bump and the commit."""
    transaction.on_commit(lambda: _bump(scope))


def _read(scope):
    value = cache.get(_version_key(scope))
    if value is None:
        value = _fresh_version()
        cache.set(_version_key(scope), value, None)
    return value


def version(request=None, scope=None):
    """The global version, or `scope`'s. Read once per request: a page looks up several cached parts, each would
    otherwise read the counter again. The scoped versions read are remembered on the request (`dependencies`)."""
    if request is None:
        return _read(scope)
    if scope is None:
        value = getattr(request, _GLOBAL_ATTR, None)
        if value is None:
            value = _read(None)
            setattr(request, _GLOBAL_ATTR, value)
        return value
    scoped = request.__dict__.setdefault(_SCOPES_ATTR, {})
    if scope not in scoped:
        scoped[scope] = _read(scope)
    return scoped[scope]


def dependencies(request):
    """{scope: version} of the scoped versions read while answering `request`."""
    return dict(getattr(request, _SCOPES_ATTR, {}))


def unchanged(versions):
    """Whether every scope of `versions` ({scope: version}) still has that version. One cache round trip."""
    if not versions:
        return True
    current = cache.get_many([_version_key(scope) for scope in versions])
    return all(current.get(_version_key(scope)) == value for scope, value in versions.items())


def key(name, request=None, scope=None):
    suffix = "" if scope is None else f":{scope}@{version(request, scope)}"
    return f"pacte:chrome:{version(request)}:{name}{suffix}"


def get(name, request=None, scope=None):
    return cache.get(key(name, request, scope))


def set(name, value, request=None, scope=None):  # noqa: A001 (mirrors the cache API)
    cache.set(key(name, request, scope), value, TIMEOUT)


def remember(name, build, request=None, scope=None):
    """`build()` (picklable, never None) cached until the global version, or `scope`'s, is bumped."""
    value = get(name, request, scope)
    if value is None:
        value = build()
        set(name, value, request, scope)
    return value


def cached(request, name, build, scope=None):
    """`build(site)` (picklable data derived from the page tree) cached per site until the tree (or `scope`)
    changes."""
    from wagtail.models import Site  # here, not at import time: this module must load before any model

    site = Site.find_for_request(request)
    return remember(f"{site.pk if site else 0}:{name}", lambda: build(site), request, scope)

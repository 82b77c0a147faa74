"""Django's Redis and file caches, made to fail soft: when the backend cannot be reached, reads miss and writes are
dropped, so the site answers uncached instead of failing. Every user of the cache benefits, Wagtail's own (site root
paths, renditions) as much as ours (cms.cache, cms.page_cache), without a try/except at each call.

After a failure the backend is left alone for RETRY_AFTER seconds (per process and thread, as Django's cache
connections are): an unreachable Redis costs one connection timeout, not one per cache call of every page.
Only the backend's own errors are absorbed (connection, timeout, I/O); a programming error such as an unpicklable
value still raises."""

import logging
import time

from django.core.cache.backends import filebased, redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)

RETRY_AFTER = 10  # seconds


class FailSoftMixin:
    errors: tuple = (OSError,)

    def _soft(self, fallback, method, *args, **kwargs):
        if time.monotonic() < getattr(self, "_down_until", 0.0):
            return fallback
        try:
            return method(*args, **kwargs)
        except self.errors as error:
            self._down_until = time.monotonic() + RETRY_AFTER
            logger.warning("Cache unavailable, serving uncached for %ss: %r", RETRY_AFTER, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._soft(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._soft({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._soft(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):  # noqa: A003
        return self._soft(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._soft(None, super().incr, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._soft(None, super().decr, key, delta, version)

    def delete(self, key, version=None):
        return self._soft(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._soft(None, super().delete_many, keys, version)

    def clear(self):
        return self._soft(None, super().clear)


class FileBasedCache(FailSoftMixin, filebased.FileBasedCache):
    """A full disk or an unwritable CACHE_DIR."""


class RedisCache(FailSoftMixin, redis.RedisCache):
    """Redis down, restarting or out of reach. Set socket timeouts in OPTIONS (see cms.settings.production)."""

    @property
    def errors(self):
        from redis import exceptions  # the redis package is only needed where this backend is configured

        return (exceptions.ConnectionError, exceptions.TimeoutError, OSError)

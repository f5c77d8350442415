"""The shared cache (Redis in production) must never take the site down with it.

With Redis unreachable, reads miss, writes are skipped and counters read zero: scheduling,
throttles and Wagtail's own lookups go on from the database, and the failure is logged.
Connection and read timeouts are short (settings), so a hung Redis costs a request milliseconds,
not a worker."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
logger = logging.getLogger(__name__)


def _tolerant(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Cache unavailable (%s): %s skipped.", error, method.__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    return wrapper


class TolerantRedisCache(RedisCache):
    get = _tolerant(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = _tolerant(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _tolerant(RedisCache.has_key, False)
    set = _tolerant(RedisCache.set, None)
    set_many = _tolerant(RedisCache.set_many, lambda *args, **kwargs: [])
    add = _tolerant(RedisCache.add, False)
    touch = _tolerant(RedisCache.touch, False)
    incr = _tolerant(RedisCache.incr, 0)
    delete = _tolerant(RedisCache.delete, False)
    delete_many = _tolerant(RedisCache.delete_many, None)
    clear = _tolerant(RedisCache.clear, None)

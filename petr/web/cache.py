"""Redis cache backends: quick to call, and never taking the site down with them.

`RedisCache` keeps one Redis client per server (Django builds a new one, with its few hundred
response callbacks, at every call). `TolerantRedisCache`, the site's default cache, survives Redis
being away: reads miss, writes are skipped, counters read zero, and the failure is logged, so
scheduling, throttles and Wagtail's own lookups go on from the database. Connection and read
timeouts are short (settings): a hung Redis costs a request milliseconds, not a worker.

During a request (RequestMemoMiddleware), the default cache also remembers what it read: the
same key asked again by another part of the page (private sections, settings) costs no round
trip. Writes and deletions go through and update the memo; it is dropped when the response
leaves, so nothing outlives the request."""

import functools
import logging
import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
MISSING = object()
logger = logging.getLogger(__name__)
_request = threading.local()


class ReusedClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        clients = self.__dict__.setdefault("_clients", {})
        index = self._get_connection_pool_index(write)
        if index not in clients:
            clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return clients[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient


def _tolerant(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Cache unavailable (%s): %s skipped.", error, method.__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    return wrapper


def _memo():
    return getattr(_request, "memo", None)


def _forgetting(method):
    """Writes go to Redis and drop the memo's copy of the keys they touch."""

    @functools.wraps(method)
    def wrapper(self, key_or_keys, *args, **kwargs):
        memo = _memo()
        if memo is not None:
            keys = key_or_keys if isinstance(key_or_keys, (list, tuple, dict)) else [key_or_keys]
            for key in keys:
                memo.pop((id(self), key, kwargs.get("version")), None)
        return method(self, key_or_keys, *args, **kwargs)

    return wrapper


class TolerantRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        memo = _memo()
        if memo is None:
            return self._get(key, default, version)
        found = memo.get((id(self), key, version), MISSING)
        if found is MISSING:
            found = self._get(key, MISSING, version)
            memo[(id(self), key, version)] = found
        return default if found is MISSING else found

    def get_many(self, keys, version=None):
        memo = _memo()
        if memo is None:
            return self._get_many(keys, version)
        wanted = [key for key in keys if (id(self), key, version) not in memo]
        if wanted:
            found = self._get_many(wanted, version)
            for key in wanted:
                memo[(id(self), key, version)] = found.get(key, MISSING)
        values = {key: memo[(id(self), key, version)] for key in keys}
        return {key: value for key, value in values.items() if value is not MISSING}

    _get = _tolerant(RedisCache.get, lambda key, default=None, version=None: default)
    _get_many = _tolerant(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _tolerant(RedisCache.has_key, False)
    set = _forgetting(_tolerant(RedisCache.set, None))
    set_many = _forgetting(_tolerant(RedisCache.set_many, lambda *args, **kwargs: []))
    add = _forgetting(_tolerant(RedisCache.add, False))
    touch = _forgetting(_tolerant(RedisCache.touch, False))
    incr = _forgetting(_tolerant(RedisCache.incr, 0))
    delete = _forgetting(_tolerant(RedisCache.delete, False))
    delete_many = _forgetting(_tolerant(RedisCache.delete_many, None))
    _clear = _tolerant(RedisCache.clear, None)

    def clear(self):
        if _memo() is not None:
            _memo().clear()
        return self._clear()


class RequestMemoMiddleware:
    """Opens the default cache's memo for the length of a request (outermost middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request.memo = {}
        try:
            return self.get_response(request)
        finally:
            _request.memo = None

"""The page cache: what anonymous visitors are served, shared by every worker and machine.

An entry is stored under the request's host, path and query string, and under the version
numbers of the path itself (`page:/a/b/`) and of each of its prefixes (`tree:/`, `tree:/a/`,
`tree:/a/b/`), read in one round trip. Purging is incrementing a version: `purge(pages=[…])` for a
page alone (a listing, with its query strings), `purge(trees=[…])` for a page and everything under
its address (its routes: files, feeds, iCalendar), `purge_all()` for the whole site. Versions never
expire; entries do (PAGE_CACHE_SECONDS), so a purge that failed heals by itself.

Never cached: other methods than GET, a visitor with a session or messages cookie (staff,
previews), the admin and the other PAGE_CACHE_EXCLUDED prefixes, and any response that sets a
cookie (forms with a CSRF token), says private/no-store, or is not a 200. A cache that cannot be
reached serves the request uncached. Stored responses say to nginx how long it may keep them
(X-Accel-Expires: the micro-cache in deploy/nginx), and carry an ETag for 304 answers."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag

logger = logging.getLogger(__name__)
ALIAS = "pages"
SKIP_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
MAX_QUERY_LENGTH = 512  # longer query strings are served uncached, never stored


def _cache():
    return caches[ALIAS]


def version_keys(path):
    prefixes = ["/"]
    for part in path.strip("/").split("/"):
        if part:
            prefixes.append(f"{prefixes[-1]}{part}/")
    return [f"tree:{prefix}" for prefix in prefixes] + [f"page:{path}"]


def entry_key(request):
    keys = version_keys(request.path)
    found = _cache().get_many(keys)
    versions = ".".join(str(found.get(key, 0)) for key in keys)
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"entry:{hashlib.sha256(address.encode()).hexdigest()}:{versions}"


def _wanted(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not any(name in request.COOKIES for name in SKIP_COOKIES)
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED)
    )


def _storable(request, response):
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def _stored(response):
    return {
        "status": response.status_code,
        "headers": list(response.items()),
        "body": response.content,
    }


def _revived(entry):
    response = HttpResponse(entry["body"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _wanted(request):
            return self.get_response(request)
        try:
            request.get_host()
        except DisallowedHost:  # Django answers it with a 400
            return self.get_response(request)
        try:
            key = entry_key(request)
            entry = _cache().get(key)
        except Exception:  # an unreachable cache serves the request uncached
            logger.warning("Page cache unavailable: serving uncached.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            response = _revived(entry)
            response["X-Page-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            self._store(key, response)
        return response

    def _store(self, key, response):
        seconds = getattr(response, "page_cache_seconds", settings.PAGE_CACHE_SECONDS)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        set_response_etag(response)
        if settings.PAGE_CACHE_PROXY_SECONDS:
            response["X-Accel-Expires"] = str(settings.PAGE_CACHE_PROXY_SECONDS)
        try:
            _cache().set(key, _stored(response), seconds)
        except Exception:
            logger.warning("Page cache unavailable: response not stored.", exc_info=True)
        response["X-Page-Cache"] = "MISS"


def cache_until_purged(response):
    """For responses only a purge changes (open-data files: purged by each territory import)."""
    response.page_cache_seconds = settings.PAGE_CACHE_MAX_SECONDS
    return response


def _bump(keys):
    cache = _cache()
    try:
        for key in keys:
            cache.add(key, 0, timeout=None)
            cache.incr(key)
    except Exception:  # publishing goes on; stale entries expire by themselves
        logger.exception("Page cache purge failed: %s", ", ".join(keys))


def purge(*, pages=(), trees=()):
    """Purge once the current transaction commits: a request served in between cannot store the
    old content again under the new version."""
    keys = sorted({f"page:{path}" for path in pages} | {f"tree:{path}" for path in trees})
    if keys:
        transaction.on_commit(lambda: _bump(keys))


def purge_all():
    purge(trees=["/"])

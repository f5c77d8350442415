"""The page cache: what anonymous visitors are served, shared by every worker and machine.

An entry is stored under the request's host, path and query string, with the version numbers
of the path on its site (`page:1/a/b/`, for the site of id 1), of each of its prefixes
(`tree:1/`, `tree:1/a/`, `tree:1/a/b/`) and of the whole installation (`all`) at the time; it
is served while they are unchanged (entry and versions: one round trip). Purging is
incrementing a version: `purge(pages=[…])` for a page alone (a listing, with its query strings),
`purge(trees=[…])` for a page and everything under its address (its routes: files, feeds,
iCalendar), each address qualified by its site (`on_site`), so that several sites served by one
installation never purge each other's pages; `purge_all()` for every site. Versions never
expire; entries do (PAGE_CACHE_SECONDS), so a purge that failed heals by itself.

Never cached: other methods than GET, a visitor with a session or messages cookie (staff,
previews), the admin and the other PAGE_CACHE_EXCLUDED prefixes, and any response that sets a
cookie (forms with a CSRF token), says private/no-store, or is not a 200. A cache that cannot be
reached serves the request uncached. Stored responses say to nginx how long it may keep them
(X-Accel-Expires: the micro-cache in deploy/nginx), carry an ETag for 304 answers, and are
compressed once when stored (gzip), not at every request."""

import gzip
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from wagtail.models import Site

logger = logging.getLogger(__name__)
ALIAS = "pages"
SKIP_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
MAX_QUERY_LENGTH = 512  # longer query strings are served uncached, never stored
COMPRESSIBLE = ("text/", "application/json", "application/geo+json", "application/xml",
                "application/rss+xml", "application/atom+xml", "image/svg+xml")  # fmt: skip
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _cache():
    return caches[ALIAS]


ALL = "all"


def on_site(site_id, path):
    """An address as the cache's versions name it: `/a/` of the site of id 1 is `1/a/`."""
    return f"{site_id}{path}"


def version_keys(site_id, path):
    prefixes = ["/"]
    for part in path.strip("/").split("/"):
        if part:
            prefixes.append(f"{prefixes[-1]}{part}/")
    trees = [f"tree:{on_site(site_id, prefix)}" for prefix in prefixes]
    return [ALL, *trees, f"page:{on_site(site_id, path)}"]


def lookup(request):
    """(key, versions, entry or None), in one round trip: the entry keeps the versions it was
    stored under, and serves only while they are still the current ones."""
    address = f"{request.get_host()}{request.get_full_path()}"
    key = f"entry:{hashlib.sha256(address.encode()).hexdigest()}"
    site = Site.find_for_request(request)  # from SiteMiddleware, before this one
    keys = version_keys(site.pk if site else 0, request.path)
    found = _cache().get_many([key, *keys])
    versions = ".".join(str(found.get(version, 0)) for version in keys)
    entry = found.get(key)
    return key, versions, entry if entry and entry["versions"] == versions else None


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
        and "X-Accel-Redirect" not in response  # a checked file: asked of the view each time
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def _entry(response, versions):
    """What is stored: the headers, the body, and the body compressed once for all visitors."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Accept-Encoding"])
    set_response_etag(response)
    if settings.PAGE_CACHE_PROXY_SECONDS:
        response["X-Accel-Expires"] = str(settings.PAGE_CACHE_PROXY_SECONDS)
    body = response.content
    compressible = response.get("Content-Type", "").startswith(COMPRESSIBLE)
    return {
        "versions": versions,
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k != "Content-Length"],
        "body": body,
        "gzip": gzip.compress(body, mtime=0) if compressible and len(body) > 512 else None,
    }


def _response(entry, request, state):
    gzipped = entry["gzip"] and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(entry["gzip"] if gzipped else entry["body"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if gzipped:
        response["Content-Encoding"] = "gzip"
        response["ETag"] = f"W/{response['ETag'].removeprefix('W/')}"
    response["Content-Length"] = str(len(response.content))
    response["X-Page-Cache"] = state
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
            key, versions, entry = lookup(request)
        except Exception:  # an unreachable cache serves the request uncached
            logger.warning("Page cache unavailable: serving uncached.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return _response(entry, request, "HIT")
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        entry = _entry(response, versions)
        seconds = getattr(response, "page_cache_seconds", settings.PAGE_CACHE_SECONDS)
        try:
            _cache().set(key, entry, seconds)
        except Exception:
            logger.warning("Page cache unavailable: response not stored.", exc_info=True)
        return _response(entry, request, "MISS")


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
    old content again under the new version. Addresses are qualified by their site (`on_site`)."""
    keys = sorted({f"page:{path}" for path in pages} | {f"tree:{path}" for path in trees})
    if keys:
        transaction.on_commit(lambda: _bump(keys))


def purge_all():
    transaction.on_commit(lambda: _bump([ALL]))

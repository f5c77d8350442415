"""Lookups every public page makes, kept in the shared cache instead of the database: the site
and its root page (Wagtail routes every request from them), the private sections (asked on every
page and every listing) and the site settings (identity, menu, accessibility, with the menu's
pages). Each is forgotten at once when it changes, and again when
the transaction commits, so no request can keep an old copy."""

from contextlib import contextmanager, suppress
from contextvars import ContextVar

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import post_page_move

from petr.web.wagtail_internals import find_site, remember_site

RESTRICTED_KEY = "petr:restricted-paths"
SETTINGS_KEY = "petr:site-setting:{label}:{site}"
SETTINGS_VERSION_KEY = "petr:site-settings-version"
SITES_KEY = "petr:site:{hostname}:{port}"
SITES_VERSION_KEY = "petr:sites-version"
SITES_SECONDS = 24 * 3600


def forget(*keys):
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def restricted_paths():
    """Tree paths of the sections under a view restriction (password, login, groups)."""
    paths = cache.get(RESTRICTED_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_KEY, paths, None)
    return paths


def public(pages):
    """`pages.public()` of the site being served, without a query when the site has no private
    section."""
    query = Q()
    for path in restricted_paths():
        query |= Q(path__startswith=path)
    return in_served_site(pages.exclude(query) if query else pages)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_restrictions(**kwargs):
    forget(RESTRICTED_KEY)


def cached_setting(model, site, load, family=()):
    """The setting of `model` for `site`, from the cache or from `load()`. The settings of its
    `family` are read in the same round trip (a page shows them all; the request memo keeps
    them, petr/web/cache.py)."""
    key = SETTINGS_KEY.format(label=model._meta.label_lower, site=site.pk)
    others = [SETTINGS_KEY.format(label=m._meta.label_lower, site=site.pk) for m in family]
    found = cache.get_many(list(dict.fromkeys([SETTINGS_VERSION_KEY, key, *others])))
    version = found.get(SETTINGS_VERSION_KEY, 0)
    cached = found.get(key)
    if cached and cached[0] == version:
        return cached[1]
    instance = load()
    instance.prepare_for_cache()
    cache.set(key, (version, instance), None)
    return instance


def bump_version(version_key):
    """The cached entries under this version are forgotten, now and when the transaction commits."""

    def bump():
        cache.add(version_key, 0, None)
        cache.incr(version_key)

    bump()
    transaction.on_commit(bump)


def forget_settings():
    """After any change to a setting or to a page a setting shows (the menu's titles)."""
    bump_version(SETTINGS_VERSION_KEY)


def cached_site(request):
    """Wagtail's site for this request, with its root page ready to route (three queries
    otherwise): from the cache, while no Site and no root page has changed."""
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()
    key = SITES_KEY.format(hostname=hostname, port=port)
    found = cache.get_many([SITES_VERSION_KEY, key])
    version = found.get(SITES_VERSION_KEY, 0)
    cached = found.get(key)
    if cached and cached[0] == version:
        return cached[1]
    site = find_site(request)
    if site is not None:
        site.root_page.localized.specific  # noqa: B018  (loaded now, kept with the site)
    cache.set(key, (version, site), SITES_SECONDS)
    return site


def forget_sites():
    """After a change to a Site or to a site's root page (its content is served from here)."""
    bump_version(SITES_VERSION_KEY)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _forget_sites_on_change(**kwargs):
    forget_sites()


SITES_TREE_KEY = "petr:sites-tree"
_serving = ContextVar("site_served", default=None)


def _sites():
    """(the default site's id, {site id: its root page's tree path}), from the cache while no
    Site and no root page has changed."""
    found = cache.get_many([SITES_VERSION_KEY, SITES_TREE_KEY])
    version = found.get(SITES_VERSION_KEY, 0)
    cached = found.get(SITES_TREE_KEY)
    if cached and cached[0] == version:
        return cached[1]
    sites = Site.objects.values_list("pk", "root_page__path", "is_default_site")
    tree = (
        next((pk for pk, _, default in sites if default), None),
        {pk: path for pk, path, _ in sites},
    )
    cache.set(SITES_TREE_KEY, (version, tree), SITES_SECONDS)
    return tree


def current_site_id():
    """The site whose data is read and written: the request's (SiteMiddleware), or the one a
    command or a build names (`serving`), else the default site. Several sites on one
    installation each have their own perimeter (territory app)."""
    site_id = _serving.get()
    return _sites()[0] if site_id is None else site_id


def in_served_site(pages):
    """`pages` under the root of the site being served (all of them outside any site, or when
    the installation has one site: no condition to add)."""
    roots = _sites()[1]
    root = roots.get(current_site_id()) if len(roots) > 1 else None
    return pages.filter(path__startswith=root) if root else pages


@contextmanager
def serving(site):
    """Read and write `site`'s data inside (a Site or its id)."""
    token = _serving.set(getattr(site, "pk", site))
    try:
        yield
    finally:
        _serving.reset(token)


class SiteMiddleware:
    """Gives Wagtail the request's site from the cache (`Site.find_for_request` keeps what it
    finds on the request), and serves the request's data from that site (`current_site_id`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = None
        with suppress(DisallowedHost):  # Django answers it with a 400
            site = cached_site(request)
            remember_site(request, site)
        with serving(site):
            return self.get_response(request)

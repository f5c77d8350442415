"""Lookups every public page makes, kept in the shared cache instead of the database: the private
sections (Wagtail asks on every page and every listing) and the site settings (identity, menu,
accessibility, with the menu's pages). Each is forgotten at once when it changes, and again when
the transaction commits, so no request can keep an old copy."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

RESTRICTED_KEY = "petr:restricted-paths"
SETTINGS_KEY = "petr:site-setting:{label}:{site}"
SETTINGS_VERSION_KEY = "petr:site-settings-version"


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
    """`pages.public()`, without a query when the site has no private section."""
    query = Q()
    for path in restricted_paths():
        query |= Q(path__startswith=path)
    return pages.exclude(query) if query else pages


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_restrictions(**kwargs):
    forget(RESTRICTED_KEY)


def cached_setting(model, site, load, family=()):
    """The setting of `model` for `site`, from the cache or from `load()`. The settings of its
    `family` are read in the same round trip (a page shows them all; the request memo keeps
    them, petr/core/cache.py)."""
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


def forget_settings():
    """After any change to a setting or to a page a setting shows (the menu's titles)."""

    def bump():
        cache.add(SETTINGS_VERSION_KEY, 0, None)
        cache.incr(SETTINGS_VERSION_KEY)

    bump()
    transaction.on_commit(bump)

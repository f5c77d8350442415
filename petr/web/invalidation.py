"""What a change purges from the page cache (pagecache.py).

A page published, unpublished, moved or deleted: the page and its routes, each ancestor as a
listing with its fixed routes (feeds, past events: not the sibling pages), the pages that link to
it (Wagtail's reference index) and the sitemap; everything when a setting (the menu) shows it.
Settings, snippets, images and documents are shown everywhere (identity, menu, séances, pictures):
changing one purges the whole site. A scheduled publication goes through the same signals.

What else shows an object, each model declares (no app lists another's models):
- `shown_on_pages_of`: names of its foreign keys to pages that show it (a news item's mission);
- `shown_on`: page types whose every live page lists it, or public paths (`"/"`);
- `shown_under`: page types whose live pages show it on their routes too (the territory's
  commune pages), or paths of whole trees (`OPEN_DATA`);
- `shown_on_pages()`, a method, for pages found otherwise (a project's programmes);
- `shown_at()`, a method, for public paths found otherwise (a news item's communes' pages);
- `is_shown()`, a method, false when a saved object shows nowhere yet (a failed import).
A page type's declarations are purged when it is published, unpublished or deleted; any other
model's when it is saved or deleted. `listed_on(page_type, model)` lets a later app declare that
its page type lists an earlier app's model. Inside `gathered()`, the purges of many objects (an
import) are resolved in a few queries and purged once."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from petr.web.pagecache import on_site, purge, purge_all
from petr.web.shared_lookups import forget_settings, forget_sites
from petr.web.wagtail_internals import base_content_type

SITEMAP = "/sitemap.xml"
OPEN_DATA = "/donnees/"
API = "/api/v1/"  # its lists show every kind of content: purged with any change
_gathering = ContextVar("purges_gathered", default=None)
_listed_on = {}  # model: page types a later app says list it


def site_and_address(url_path):
    """(site id, address on that site) of a tree path: `/home/actualites/x/` → (1,
    `/actualites/x/`); (None, None) outside every site."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.site_id, url_path[len(root.root_path) - 1 :]
    return None, None


def public_path(url_path):
    """A page's address qualified by its site (pagecache.on_site): `1/actualites/x/`."""
    site, address = site_and_address(url_path)
    return on_site(site, address) if address else None


def site_of(path):
    """The site part of a qualified address: `1/actualites/` → `1`."""
    return path[: path.index("/")]


def everywhere(paths):
    """Addresses every site has (`/`, the sitemap, the open data), on every site."""
    sites = {root.site_id for root in Site.get_site_root_paths()}
    return {on_site(site, path) for site in sites for path in paths}


def fixed_routes(page):
    """A routable page's addresses without parameters (`flux/rss/`, `passes/`), under its own."""
    if not isinstance(page, RoutablePageMixin):
        return []
    routes = (str(pattern.pattern) for pattern in page.get_subpage_urls())
    return [route for route in routes if route and "<" not in route]


def _in_a_setting(page):
    page_type = base_content_type(Page)
    return ReferenceIndex.get_references_to(page).exclude(base_content_type=page_type).exists()


def dependent_paths(page, url_path=None):
    """(pages, trees) to purge when `page`, at `url_path` (default: where it is), changes; None
    when something shown everywhere refers to it: a setting (the menu), or the menu's sub-menu
    of its parent, when it is shown in menus."""
    if _in_a_setting(page) or (
        page.show_in_menus and page.depth > 2 and _in_a_setting(page.get_parent())
    ):
        return None
    references = ReferenceIndex.get_references_to(page)
    own = public_path(url_path or page.url_path)
    if own is None:  # outside every site: nothing of it is served
        return set(), set()
    site = site_of(own)
    pages, trees = {on_site(site, SITEMAP)}, {own, on_site(site, API)}
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        path = public_path(ancestor.url_path)
        if path:
            pages.add(path)
            trees.update(path + route for route in fixed_routes(ancestor))
    source_ids = references.values(page_id=Cast("object_id", output_field=IntegerField()))
    sources = Page.objects.filter(pk__in=source_ids).values_list("url_path", flat=True)
    pages.update(public_paths(sources))
    return pages, trees


def public_paths(url_paths):
    return {path for path in map(public_path, url_paths) if path}


def _live_paths(page_types):
    models = [apps.get_model(t) if isinstance(t, str) else t for t in page_types]
    return public_paths(
        url_path
        for model in models
        for url_path in model.objects.live().values_list("url_path", flat=True)
    )


def listed_on(page_type, model):
    """`page_type`, of a later app, lists `model`'s objects."""
    _listed_on.setdefault(model, set()).add(page_type)


class Shown:
    """Where some changed objects show, as their models declare it; resolved in a few queries."""

    def __init__(self):
        self.page_ids, self.pages, self.trees = set(), set(), set()
        self.page_types, self.tree_types = set(), set()

    def add(self, instance):
        if hasattr(instance, "is_shown") and not instance.is_shown():
            return
        for field in getattr(instance, "shown_on_pages_of", ()):
            self.page_ids.add(getattr(instance, f"{field}_id", None))
        if hasattr(instance, "shown_on_pages"):
            self.page_ids.update(instance.shown_on_pages())
        if hasattr(instance, "shown_at"):
            self.pages.update(instance.shown_at())
        for targets, paths, types in (
            ((*getattr(instance, "shown_on", ()), *_listed_on.get(type(instance), ())),
             self.pages, self.page_types),
            (getattr(instance, "shown_under", ()), self.trees, self.tree_types),
        ):  # fmt: skip
            for target in targets:  # a path, or a page type (a class or its "app.Model" label)
                (paths if str(target).startswith("/") else types).add(target)

    def merge(self, other):
        for name, found in vars(other or Shown()).items():
            getattr(self, name).update(found)

    def purge(self):
        pages = Page.objects.filter(pk__in=self.page_ids - {None})
        purge(
            pages=everywhere(self.pages) | public_paths(pages.values_list("url_path", flat=True))
            | _live_paths(self.page_types),
            trees=everywhere(self.trees | {API}) | _live_paths(self.tree_types),
        )  # fmt: skip


def purge_shown(instance):
    shown = _gathering.get()
    own = shown is None
    if own:
        shown = Shown()
    shown.merge(instance.__dict__.pop("_shown_before", None))  # set by purge_where_it_showed
    shown.add(instance)
    if own:
        shown.purge()


@contextmanager
def gathered():
    """The purges of every object changed inside, resolved and sent once at the end."""
    shown = Shown()
    token = _gathering.set(shown)
    try:
        yield
    finally:
        _gathering.reset(token)
        shown.purge()


def _declares(model):
    return model in _listed_on or any(
        hasattr(model, name)
        for name in ("shown_on_pages_of", "shown_on", "shown_under", "shown_on_pages", "shown_at")
    )


def purge_page(page, url_path=None):
    if page.depth <= 2:  # a site's root page, cached with its site (shared_lookups)
        forget_sites()
    paths = dependent_paths(page, url_path)
    if paths is None:
        purge_everything()
    else:
        purge(pages=paths[0], trees=paths[1])


def purge_everything():
    forget_settings()
    purge_all()


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publication(sender, instance, **kwargs):
    purge_page(instance)
    if _declares(type(instance)):
        purge_shown(instance)


def purge_old_address(url_path):
    path = public_path(url_path)
    purge(trees=[path] if path else [])


@receiver(post_page_move)
def purge_on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    purge_page(instance, url_path_after)
    purge_old_address(url_path_before)
    old_parent = kwargs.get("parent_page_before")
    if old_parent:
        purge_page(old_parent)


@receiver(page_slug_changed)
def purge_on_rename(sender, instance, instance_before, **kwargs):
    purge_old_address(instance_before.url_path)


@receiver(pre_delete)
def purge_on_delete(sender, instance, **kwargs):
    # Before the rows go: the ancestors and references are still there to follow.
    if isinstance(instance, Page) and instance.live:
        purge_page(instance)
        if _declares(type(instance)):
            purge_shown(instance)


def _shown_everywhere(sender):
    return (
        issubclass(sender, BaseSiteSetting | BaseGenericSetting | AbstractImage | AbstractDocument)
        or sender in get_snippet_models()
    )


@receiver(pre_save)
def purge_where_it_showed(sender, instance, raw=False, update_fields=None, **kwargs):
    """A change can also take an object off a page: a commune unticked, another mission chosen.
    Where its stored version showed is purged too, in the same purge as where it now shows (a
    live page's, on a full save: Wagtail's publication; its drafts save named fields only)."""
    if raw or update_fields is not None or instance.pk is None or not _declares(sender):
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    if before is not None and (not isinstance(before, Page) or before.live):
        instance._shown_before = Shown()
        instance._shown_before.add(before)  # now: its relations are about to be replaced


@receiver(post_save)
@receiver(post_delete)
def purge_shared_content(sender, instance, created=False, raw=False, **kwargs):
    # A new image or document is shown nowhere yet; its later changes are.
    if not created and _shown_everywhere(sender):
        purge_everything()
    # A restore loading rows (raw): the pages they name may not be loaded yet.
    if not raw and not isinstance(instance, Page) and _declares(sender):
        purge_shown(instance)

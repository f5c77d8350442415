"""Links to pages inside rich text, resolved from the shared cache. Wagtail asks the database for
the linked pages of each rich-text block (two queries or more per block that links): a long
imported article made a page's query count grow with its paragraphs. Their addresses are kept
in the cache, under a version that any publication, move or deletion of a page bumps."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.signals import page_published, page_unpublished, post_page_move

from petr.web.shared_lookups import bump_version

VERSION_KEY = "petr:page-urls-version"
URL_KEY = "petr:page-url:{version}:{id}"


class CachedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        urls = page_urls([str(attrs.get("id")) for attrs in attrs_list])
        return [
            f'<a href="{escape(urls[str(attrs.get("id"))])}">'
            if urls.get(str(attrs.get("id")))
            else "<a>"
            for attrs in attrs_list
        ]


def page_urls(ids):
    version = cache.get(VERSION_KEY, 0)
    keys = {page_id: URL_KEY.format(version=version, id=page_id) for page_id in ids}
    found = cache.get_many(keys.values())
    urls = {page_id: found[key] for page_id, key in keys.items() if key in found}
    missing = [page_id for page_id in ids if page_id not in urls and page_id.isdigit()]
    if missing:
        pages = PageLinkHandler.get_many([{"id": page_id} for page_id in missing])
        fetched = {
            pid: page.localized.url if page else ""
            for pid, page in zip(missing, pages, strict=True)
        }
        cache.set_many({keys[pid]: url for pid, url in fetched.items()}, None)
        urls.update(fetched)
    return urls


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
def forget_page_urls(**kwargs):
    bump_version(VERSION_KEY)

"""A mission page shows, beside its text, the news, events and documents that name it, and its
programmes' actions: their publication purges it from the page cache (web/invalidation.py
purges each page's own address and ancestors; this adds what shows it elsewhere)."""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from petr.web.invalidation import public_path
from petr.web.pagecache import purge


@receiver([page_published, page_unpublished])
def purge_the_mission_that_shows_it(sender, instance, **kwargs):
    mission_id = getattr(instance, "mission_id", None)
    if mission_id:
        url_path = Page.objects.filter(pk=mission_id).values_list("url_path", flat=True).first()
        path = public_path(url_path) if url_path else None
        purge(pages=[path] if path else [])

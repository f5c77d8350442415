"""A territory import changes the figures, the communes and the open-data files: it purges the
territory pages (and their communes and communautés), the pages showing figures or members, and
/donnees/ from the page cache."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from petr.web.invalidation import SITEMAP, public_path
from petr.web.pagecache import purge

from .models import DataImport, PetrPage, TerritoryPage


@receiver(post_save, sender=DataImport)
def purge_after_import(sender, instance, **kwargs):
    if not instance.succeeded:
        return
    territory = TerritoryPage.objects.values_list("url_path", flat=True)
    figures = PetrPage.objects.values_list("url_path", flat=True)
    purge(
        pages=[SITEMAP, "/", *filter(None, map(public_path, figures))],
        trees=["/donnees/", *filter(None, map(public_path, territory))],
    )

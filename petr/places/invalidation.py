"""A place shows on its mission's page, its commune's page, the projects' map and in the open
data: saving or deleting one purges those from the page cache."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from petr.core.invalidation import public_path
from petr.core.pagecache import purge
from petr.territory.models import TerritoryPage

from .models import Place

CATALOGUE = "programmes.ProjectIndexPage"


@receiver([post_save, post_delete], sender=Place)
def purge_where_a_place_shows(sender, instance, raw=False, **kwargs):
    if raw:  # a restore loading rows: the pages it names may not be loaded yet
        return
    catalogue = apps.get_model(*CATALOGUE.split(".")).objects.values_list("url_path", flat=True)
    missions = [instance.mission.url_path] if instance.mission_id else []
    territory = TerritoryPage.objects.values_list("url_path", flat=True)
    purge(
        pages=filter(None, map(public_path, [*missions, *catalogue])),
        trees=["/donnees/", *filter(None, map(public_path, territory))],
    )

"""A place shows on its mission's page, its commune's page, the projects' map and in the open
data: saving or deleting one purges those from the page cache. An import saves many places at
once: inside `one_purge()`, their purges are gathered into one."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from petr.territory.models import TerritoryPage
from petr.web.invalidation import public_path
from petr.web.pagecache import purge

from .models import Place

CATALOGUE = "programmes.ProjectIndexPage"
MISSION = "missions.MissionPage"
_gathered = ContextVar("places_gathered", default=None)  # mission ids, inside one_purge()


@contextmanager
def one_purge():
    missions = set()
    token = _gathered.set(missions)
    try:
        yield
    finally:
        _gathered.reset(token)
        purge_where_places_show(missions)


@receiver([post_save, post_delete], sender=Place)
def place_changed(sender, instance, raw=False, **kwargs):
    if raw:  # a restore loading rows: the pages it names may not be loaded yet
        return
    gathered = _gathered.get()
    if gathered is not None:
        gathered.add(instance.mission_id)
    else:
        purge_where_places_show({instance.mission_id})


def purge_where_places_show(mission_ids):
    missions = apps.get_model(*MISSION.split(".")).objects.filter(pk__in=mission_ids)
    catalogue = apps.get_model(*CATALOGUE.split(".")).objects
    pages = [*missions.values_list("url_path", flat=True),
             *catalogue.values_list("url_path", flat=True)]  # fmt: skip
    territory = TerritoryPage.objects.values_list("url_path", flat=True)
    purge(
        pages=filter(None, map(public_path, pages)),
        trees=["/donnees/", *filter(None, map(public_path, territory))],
    )

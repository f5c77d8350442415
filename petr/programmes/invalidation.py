"""A supported project shows on its programme's page (the LEADER envelope), on its communes'
pages and in the open data: its publication purges those from the page cache. An action shows
on its mission's page, above its programme (web/invalidation.py purges ancestors as listings
already)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from petr.territory.models import TerritoryPage
from petr.web.invalidation import public_path
from petr.web.pagecache import purge

from .models import ActionPage, ProgrammePage, ProjectPage


@receiver([page_published, page_unpublished], sender=ProjectPage)
def purge_where_a_project_shows(sender, instance, **kwargs):
    programmes = ProgrammePage.objects.filter(
        path__in={action.path[: -action.steplen] for action in instance.actions.all()}
    ).values_list("url_path", flat=True)
    territory = TerritoryPage.objects.values_list("url_path", flat=True)
    purge(
        pages=filter(None, map(public_path, programmes)),
        trees=["/donnees/", *filter(None, map(public_path, territory))],
    )


@receiver([page_published, page_unpublished], sender=ProgrammePage)
@receiver([page_published, page_unpublished], sender=ActionPage)
def purge_open_data(sender, instance, **kwargs):
    """actions.csv and indicateurs.csv list them; projets.csv names their titles."""
    purge(trees=["/donnees/"])

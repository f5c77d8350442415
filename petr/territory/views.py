from django.http import Http404
from django.views.decorators.http import require_safe

from petr.core.pagecache import cache_until_purged

from .exports import EXPORTS
from .models import TerritoryPage


@require_safe
def download(request, filename):
    """Open-data files live at fixed URLs (/donnees/…) so reusers' links never break when an
    editor renames or moves the territory page."""
    export = EXPORTS.get(filename)
    if export is None:
        raise Http404("Jeu de données inconnu.")
    page = TerritoryPage.objects.live().first()
    pages_url = request.build_absolute_uri(page.get_url(request)) if page else None
    return cache_until_purged(export(request.build_absolute_uri("/donnees/"), pages_url))

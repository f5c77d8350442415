"""The PETR's key figures, computed from the territory rows, with their provenance."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from petr.core.shared_lookups import forget

from .models.data import Commune, DataImport, Epci

FIGURES_KEY = "petr:territory-figures"
MISSING = object()


@dataclass(frozen=True)
class TerritoryFigures:
    epci_count: int
    commune_count: int
    population: int
    area_km2: Decimal
    population_vintage: int | None
    attribution: str
    imported_at: datetime | None


def last_successful_import():
    """The run whose data the site shows: figures cite its source, vintage and date."""
    return DataImport.objects.filter(succeeded=True).order_by("-started_at", "-pk").first()


def territory_figures() -> TerritoryFigures | None:
    """From the shared cache, forgotten when a commune, a communauté or an import changes (two
    queries otherwise, whatever the number of communes); None while no territory is loaded."""
    figures = cache.get(FIGURES_KEY, MISSING)
    if figures is MISSING:
        figures = _computed_figures()
        cache.set(FIGURES_KEY, figures, None)
    return figures


@receiver([post_save, post_delete], sender=Commune)
@receiver([post_save, post_delete], sender=Epci)
@receiver([post_save, post_delete], sender=DataImport)
def forget_figures(**kwargs):
    forget(FIGURES_KEY)


def _computed_figures():
    totals = Commune.objects.aggregate(
        communes=Count("pk"),
        epcis=Count("epci", distinct=True),
        population=Sum("population"),
        surface_ha=Sum("surface_ha"),
    )
    if not totals["communes"]:
        return None
    last_import = last_successful_import()
    return TerritoryFigures(
        epci_count=totals["epcis"],
        commune_count=totals["communes"],
        population=totals["population"],
        area_km2=Decimal(totals["surface_ha"]) / 100,
        population_vintage=last_import.population_vintage if last_import else None,
        attribution=last_import.attribution if last_import else "",
        imported_at=last_import.started_at if last_import else None,
    )

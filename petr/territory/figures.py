"""The PETR's key figures, computed from the territory rows, with their provenance."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from petr.core.french.sorting import french_sort_key
from petr.web.shared_lookups import bump_version, current_site_id

from .models.data import Commune, DataImport, Epci, TerritoryMap

FIGURES_KEY = "petr:territory-figures"
SKETCH_KEY = "petr:territory-sketch"
MAP_KEY = "petr:territory-map-data"  # presentation.map_data
VERSION_KEY = "petr:territory-version"
PALETTE_SIZE = 6  # colours in the stylesheet (.map-c0 … .map-c5); more communautés reuse them


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


@dataclass(frozen=True)
class TerritorySketch:
    """The home page's picture of the territory (its outline, its communautés in their map
    colours) and the communes' names suggested by « Trouver ma commune »."""

    width: int
    height: int
    outline: str
    epcis: list  # (name, colour, SVG path)
    commune_names: list


def cached(key, compute):
    """The site's value under `key`, while no commune, communauté, map or import has changed."""
    key = f"{key}:{current_site_id()}"
    found = cache.get_many([VERSION_KEY, key])
    version, entry = found.get(VERSION_KEY, 0), found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = compute()
    cache.set(key, (version, value), None)
    return value


def territory_figures() -> TerritoryFigures | None:
    """From the shared cache, forgotten when a commune, a communauté or an import changes (two
    queries otherwise, whatever the number of communes); None while no territory is loaded."""
    return cached(FIGURES_KEY, _computed_figures)


def territory_sketch() -> TerritorySketch | None:
    """From the shared cache, forgotten with the figures; None while no map is drawn."""
    return cached(SKETCH_KEY, _computed_sketch)


@receiver([post_save, post_delete], sender=Commune)
@receiver([post_save, post_delete], sender=Epci)
@receiver([post_save, post_delete], sender=DataImport)
@receiver([post_save, post_delete], sender=TerritoryMap)
def forget_figures(**kwargs):
    bump_version(VERSION_KEY)  # every site's: one change, one write


def _computed_sketch():
    drawn = TerritoryMap.objects.first()
    if drawn is None:
        return None
    # The colours follow the territory map's order (presentation.map_data): by name.
    epcis = Epci.objects.order_by("name").values_list("name", "map_path")
    names = sorted(Commune.objects.values_list("name", flat=True), key=french_sort_key)
    return TerritorySketch(
        drawn.width,
        drawn.height,
        drawn.petr_path,
        [(name, index % PALETTE_SIZE, path) for index, (name, path) in enumerate(epcis) if path],
        names,
    )


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

"""What the territory pages show, built in a fixed number of queries whatever the number of
communes: each function reads whole tables once and arranges them in Python."""

import copy
from dataclasses import dataclass

from django.db.models import Count, Sum

from petr.core.french.sorting import french_sort_key

from .figures import MAP_KEY, PALETTE_SIZE, cached, last_successful_import
from .matching import select
from .models.data import Commune, Epci, TerritoryMap


def _members():
    epcis = list(
        Epci.objects.annotate(
            commune_count=Count("communes"),
            population=Sum("communes__population"),
            surface_ha=Sum("communes__surface_ha"),
        ).order_by("name")
    )
    for index, epci in enumerate(epcis):
        epci.colour = index % PALETTE_SIZE
        epci.area_km2 = (epci.surface_ha or 0) / 100
        epci.density = epci.population / epci.area_km2 if epci.area_km2 else None
    return epcis


def _communes(epcis):
    by_pk = {epci.pk: epci for epci in epcis}
    communes = sorted(
        Commune.objects.defer("outline", "siren", "latitude", "longitude"),
        key=lambda commune: french_sort_key(commune.name),
    )
    for commune in communes:
        commune.member = by_pk[commune.epci_id]
    return communes


@dataclass
class MapData:
    territory_map: TerritoryMap | None
    epcis: list
    communes: list


def _computed_map_data():
    epcis = _members()
    return MapData(TerritoryMap.objects.first(), epcis, _communes(epcis))


def map_data(base_url):
    """The communautés with their totals and colour on the map, the communes in French order
    with their communauté, and the drawn map; with the territory page's URL, each one's page.
    From the shared cache, forgotten with the figures (three queries otherwise, whatever the
    number of communes)."""
    # A copy: the request's cache memo hands out the same objects, and the URLs are the caller's.
    data = copy.deepcopy(cached(MAP_KEY, _computed_map_data))
    for epci in data.epcis:
        epci.url = f"{base_url}communautes/{epci.slug}/" if base_url else None
    for commune in data.communes:
        commune.url = f"{base_url}{commune.slug}/" if base_url else None
    return data


def _common(base_url):
    data = map_data(base_url)
    return {
        "map_data": data,
        "epcis": data.epcis,
        "communes": data.communes,
        "data_import": last_successful_import(),
        "territory_url": base_url,
    }


def filtered(communes, query):
    """The communes the territory's filter field finds, and whether only by their spelling's
    closeness: the search's own matching (matching.select), over the rows already loaded."""
    found, approximate, _ = select(
        query, communes,
        haystack=lambda c: f"{c.name} {c.code_insee} {c.postal_codes.replace(',', ' ')}",
        name=lambda c: c.name, postcodes=lambda c: c.postal_codes.replace(",", " ").split(),
    )  # fmt: skip
    return found, approximate


def territory_context(base_url, query=""):
    context = _common(base_url)
    context["folds"] = [
        (epci, [c for c in context["communes"] if c.epci_id == epci.pk])
        for epci in context["epcis"]
    ]
    if query:
        context["filter_query"] = query
        context["filtered"], context["filter_approximate"] = filtered(context["communes"], query)
    rows = context["communes"]
    context["totals"] = {
        "population": sum(c.population for c in rows),
        "area_km2": sum(c.area_km2 for c in rows),
    }
    return context


def epci_context(base_url, epci):
    context = _common(base_url)
    context["epci"] = next(e for e in context["epcis"] if e.pk == epci.pk)
    context["epci"].seat = epci.seat
    context["members_of_epci"] = [c for c in context["communes"] if c.epci_id == epci.pk]
    return context


def commune_context(base_url, commune):
    context = _common(base_url)
    context["commune"] = current = next(c for c in context["communes"] if c.pk == commune.pk)
    context["current_commune"] = [current]
    context["trail"] = [(current.member.name, current.member.url)]
    return context

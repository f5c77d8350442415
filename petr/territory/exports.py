"""The territory's open data: its communes and communautés, as CSV, CSV on the Web metadata and
GeoJSON with their outlines (petr/core/opendata.py writes the files)."""

from django.db.models import Count, Sum

from petr.core.opendata import LICENCE, LICENCE_URL, Column, Dataset, register
from petr.web.shared_lookups import in_served_site

from .figures import last_successful_import
from .models import Commune, Epci, TerritoryPage

OUTLINES_SOURCE = "IGN ADMIN EXPRESS COG (contours généralisés), Licence Ouverte 2.0"


def _commune_rows(request):
    communes = Commune.objects.select_related("epci").order_by("code_insee")
    for c in communes:
        yield (
            c,
            {
                "code_insee": c.code_insee,
                "nom": c.name,
                "siren": c.siren,
                "epci_siren": c.epci.siren,
                "epci_nom": c.epci.name,
                "codes_postaux": c.postal_codes.replace(", ", " "),
                "population_municipale": c.population,
                "superficie_ha": c.surface_ha,
                "densite_hab_km2": round(c.density, 1),
                "latitude": c.latitude,
                "longitude": c.longitude,
            },
        )


def _epci_rows(request):
    epcis = Epci.objects.annotate(
        commune_count=Count("communes"),
        population=Sum("communes__population"),
        surface=Sum("communes__surface_ha"),
    ).select_related("seat")
    for e in epcis.order_by("siren"):
        yield (
            e,
            {
                "siren": e.siren,
                "nom": e.name,
                "nature": e.kind,
                "siege": e.seat.name if e.seat else "",
                "siege_code_insee": e.seat.code_insee if e.seat else "",
                "nombre_communes": e.commune_count,
                "population_municipale": e.population,
                "superficie_ha": e.surface,
                "densite_hab_km2": round(e.population / (e.surface / 100), 1),
                "site_internet": e.website,
            },
        )


COMMUNE_COLUMNS = [
    Column("code_insee", "Code INSEE"),
    Column("nom", "Nom"),
    Column("siren", "SIREN de la commune"),
    Column("epci_siren", "SIREN de la communauté de communes"),
    Column("epci_nom", "Communauté de communes"),
    Column("codes_postaux", "Codes postaux (séparés par une espace)"),
    Column("population_municipale", "Population municipale", "integer"),
    Column("superficie_ha", "Superficie (ha)", "decimal", 2),
    Column("densite_hab_km2", "Densité (habitants par km²)", "decimal", 1),
    Column("latitude", "Latitude du centre (WGS84)", "decimal", 4),
    Column("longitude", "Longitude du centre (WGS84)", "decimal", 4),
]
EPCI_COLUMNS = [
    Column("siren", "SIREN"),
    Column("nom", "Nom"),
    Column("nature", "Nature juridique"),
    Column("siege", "Siège"),
    Column("siege_code_insee", "Code INSEE du siège"),
    Column("nombre_communes", "Nombre de communes", "integer"),
    Column("population_municipale", "Population municipale (somme des communes)", "integer"),
    Column("superficie_ha", "Superficie (ha)", "decimal", 2),
    Column("densite_hab_km2", "Densité (habitants par km²)", "decimal", 1),
    Column("site_internet", "Site internet", "anyURI"),
]


def provenance(run):
    return {
        "source": run.attribution if run else "",
        "contours": OUTLINES_SOURCE,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "millesime_population": run.population_vintage if run else None,
        "version_des_donnees": run.data_version if run else "",
        "date_import": run.started_at.isoformat() if run else None,
    }


def _about():
    meta = provenance(last_successful_import())
    return {
        "source": meta["source"],
        "modified": meta["date_import"],
        "notes": [
            f"Population municipale, millésime {meta['millesime_population']}.",
            f"Version des données : {meta['version_des_donnees']}.",
            "Superficie : surface des contours communaux, lacs compris.",
        ],
        "metadata": meta,
    }


def _page_urls(prefix):
    """Under the territory page: a commune at <slug>/, a communauté at communautes/<slug>/."""

    def for_request(request):
        page = in_served_site(TerritoryPage.objects.live()).first()
        base = request.build_absolute_uri(page.get_url(request)) if page else None
        return lambda obj: f"{base}{prefix}{obj.slug}/" if base else None

    return for_request


register(Dataset("communes", "Communes du territoire", COMMUNE_COLUMNS, _commune_rows, _about,
                 geometry=lambda c: c.outline, page_urls=_page_urls("")))  # fmt: skip
register(Dataset("communautes", "Communautés de communes du territoire", EPCI_COLUMNS,
                 _epci_rows, _about, geometry=lambda e: e.outline,
                 page_urls=_page_urls("communautes/")))  # fmt: skip

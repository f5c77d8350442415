"""Open-data downloads of the territory: CSV for spreadsheets, GeoJSON for maps, and a W3C
CSV on the Web metadata file beside each CSV to carry its source, vintage and licence.

The CSVs follow what French spreadsheets open without an import dialog: UTF-8 with a byte-order
mark, « ; » between fields and a decimal comma. Their metadata files say so for programs."""

import csv
import io
import json
from decimal import Decimal

from django.db.models import Count, Sum
from django.http import HttpResponse

from .figures import last_successful_import
from .models import Commune, Epci

LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
OUTLINES_SOURCE = "IGN ADMIN EXPRESS COG (contours généralisés), Licence Ouverte 2.0"


def _decimal(value, places):
    return f"{Decimal(value):.{places}f}".replace(".", ",") if value is not None else ""


def _commune_rows():
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


def _epci_rows():
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


# Column name, French title, CSVW datatype, decimals (for the CSV's decimal comma).
COMMUNE_COLUMNS = [
    ("code_insee", "Code INSEE", "string", None),
    ("nom", "Nom", "string", None),
    ("siren", "SIREN de la commune", "string", None),
    ("epci_siren", "SIREN de la communauté de communes", "string", None),
    ("epci_nom", "Communauté de communes", "string", None),
    ("codes_postaux", "Codes postaux (séparés par une espace)", "string", None),
    ("population_municipale", "Population municipale", "integer", None),
    ("superficie_ha", "Superficie (ha)", "decimal", 2),
    ("densite_hab_km2", "Densité (habitants par km²)", "decimal", 1),
    ("latitude", "Latitude du centre (WGS84)", "decimal", 4),
    ("longitude", "Longitude du centre (WGS84)", "decimal", 4),
]
EPCI_COLUMNS = [
    ("siren", "SIREN", "string", None),
    ("nom", "Nom", "string", None),
    ("nature", "Nature juridique", "string", None),
    ("siege", "Siège", "string", None),
    ("siege_code_insee", "Code INSEE du siège", "string", None),
    ("nombre_communes", "Nombre de communes", "integer", None),
    ("population_municipale", "Population municipale (somme des communes)", "integer", None),
    ("superficie_ha", "Superficie (ha)", "decimal", 2),
    ("densite_hab_km2", "Densité (habitants par km²)", "decimal", 1),
    ("site_internet", "Site internet", "anyURI", None),
]
DATASETS = {
    "communes": ("Communes du territoire", COMMUNE_COLUMNS, _commune_rows),
    "communautes": ("Communautés de communes du territoire", EPCI_COLUMNS, _epci_rows),
}


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


def csv_export(name):
    _, columns, rows = DATASETS[name]

    def view(files_url, pages_url):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(column for column, *_ in columns)
        for _, row in rows():
            writer.writerow(
                _decimal(row[col], places) if places is not None else row[col]
                for col, _, _, places in columns
            )
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response["Link"] = (
            f'<{files_url}{name}.csv-metadata.json>; rel="describedby"; '
            'type="application/csvm+json"'
        )
        return response

    return view


def csvw_metadata(name):
    title, columns, _ = DATASETS[name]

    def view(files_url, pages_url):
        meta = provenance(last_successful_import())
        document = {
            "@context": ["http://www.w3.org/ns/csvw", {"@language": "fr"}],
            "url": f"{files_url}{name}.csv",
            "dc:title": title,
            "dc:source": meta["source"],
            "dc:license": {"@id": LICENCE_URL},
            "dc:rights": LICENCE,
            "dc:modified": meta["date_import"],
            "notes": [
                f"Population municipale, millésime {meta['millesime_population']}.",
                f"Version des données : {meta['version_des_donnees']}.",
                "Superficie : surface des contours communaux, lacs compris.",
            ],
            "dialect": {"delimiter": ";", "encoding": "utf-8", "header": True},
            "tableSchema": {
                "columns": [
                    {
                        "name": column,
                        "titles": label,
                        "datatype": (
                            {"base": datatype, "format": {"decimalChar": ","}}
                            if datatype == "decimal"
                            else datatype
                        ),
                    }
                    for column, label, datatype, _ in columns
                ],
                "primaryKey": columns[0][0],
            },
        }
        return _json_response(document, "application/csvm+json")

    return view


def geojson_export(name):
    title, _, rows = DATASETS[name]

    def view(files_url, pages_url):
        features = []
        for obj, row in rows():
            properties = {key: _plain(value) for key, value in row.items()}
            if pages_url:
                properties["page"] = pages_url + (
                    f"{obj.slug}/" if name == "communes" else f"communautes/{obj.slug}/"
                )
            features.append({"type": "Feature", "properties": properties, "geometry": obj.outline})
        # Foreign members (RFC 7946 §6.1) carry the provenance with the data.
        document = {
            "type": "FeatureCollection",
            "name": title,
            "metadata": provenance(last_successful_import()),
            "features": features,
        }
        response = _json_response(document, "application/geo+json")
        response["Content-Disposition"] = f'attachment; filename="{name}.geojson"'
        return response

    return view


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def _json_response(document, content_type):
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        content_type=f"{content_type}; charset=utf-8",
    )


EXPORTS = {}
for _name in DATASETS:
    EXPORTS[f"{_name}.csv"] = csv_export(_name)
    EXPORTS[f"{_name}.csv-metadata.json"] = csvw_metadata(_name)
    EXPORTS[f"{_name}.geojson"] = geojson_export(_name)

"""Open-data downloads at fixed URLs (/donnees/<name>.csv…), for any app that registers a
dataset: CSV for spreadsheets, a W3C CSV on the Web metadata file beside each CSV to carry its
source, date and licence, and GeoJSON for maps when the rows have a geometry.

Each CSV comes twice: `<name>.csv`, UTF-8 without a byte-order mark, which CSV on the Web readers
(csvw) and programs read as the standard says, and `<name>-tableur.csv`, the same bytes after a
byte-order mark, which French spreadsheets (Excel) open without an import dialog. Both use « ; »
between fields and a decimal comma; the metadata files say so for programs.
Fixed URLs: reusers' links never break when an editor renames or moves a page."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from petr.core.french.numbers import decimal_comma
from petr.web.pagecache import cache_until_purged
from petr.web.spreadsheets import formula_safe

LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
SPREADSHEET = "-tableur"  # the CSV's name for spreadsheets, with a byte-order mark


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    datatype: str = "string"  # a CSVW datatype
    places: int | None = None  # decimals, for the CSV's decimal comma


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    columns: list
    # (request) -> iterable of (object, {column name: value})
    rows: Callable
    # () -> {"source": str, "modified": ISO date or None, "notes": [str], "metadata": dict}
    about: Callable
    # (object) -> GeoJSON geometry or None; without it, no .geojson file
    geometry: Callable | None = None
    # (request) -> function(object) -> its page's URL, as the GeoJSON feature's "page"
    page_urls: Callable | None = None
    # Text typed by staff: a leading = + - @ is neutralised in the CSV (spreadsheet formulas).
    staff_text: bool = False
    primary_key: str | list = field(default="")  # by default the first column


@dataclass(frozen=True)
class NationalFile:
    """A file in a national schema's own format, listed in the catalogue beside the datasets."""

    filename: str
    title: str
    description: str
    conforms_to: str  # the schema's address
    view: Callable  # (request) -> response


DATASETS = {}
NATIONAL = {}
FILES = {}  # file name -> view(request)


def register(dataset: Dataset):
    DATASETS[dataset.name] = dataset
    FILES[f"{dataset.name}.csv"] = lambda request: _csv(dataset, request)
    FILES[f"{dataset.name}{SPREADSHEET}.csv"] = lambda request: _csv(dataset, request, bom=True)
    FILES[f"{dataset.name}.csv-metadata.json"] = lambda request: _csvw(dataset, request)
    if dataset.geometry:
        FILES[f"{dataset.name}.geojson"] = lambda request: _geojson(dataset, request)


def register_file(filename, view, title, description, conforms_to):
    """A file in a national schema's format: view(request) -> response."""
    FILES[filename] = view
    NATIONAL[filename] = NationalFile(filename, title, description, conforms_to, view)


@require_safe
def download(request, filename):
    view = FILES.get(filename)
    if view is None:
        raise Http404("Jeu de données inconnu.")
    return cache_until_purged(view(request))


def files_url(request):
    return request.build_absolute_uri("/donnees/")


def _decimal(value, places):
    return decimal_comma(value, places)


def _csv(dataset, request, bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(column.name for column in dataset.columns)
    safe = formula_safe if dataset.staff_text else (lambda value: value)

    def cell(column, value):
        if column.places is not None:
            return _decimal(value, column.places)
        if isinstance(value, bool):
            return "true" if value else "false"
        return safe(value)

    for _, row in dataset.rows(request):
        writer.writerow(cell(c, row[c.name]) for c in dataset.columns)
    mark, suffix = ("\ufeff", SPREADSHEET) if bom else ("", "")
    response = HttpResponse(mark + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}{suffix}.csv"'
    response["Link"] = (
        f'<{files_url(request)}{dataset.name}.csv-metadata.json>; rel="describedby"; '
        'type="application/csvm+json"'
    )
    return response


def _csvw(dataset, request):
    about = dataset.about()
    document = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "fr"}],
        "url": f"{files_url(request)}{dataset.name}.csv",
        "dc:title": dataset.title,
        "dc:source": about["source"],
        "dc:license": {"@id": LICENCE_URL},
        "dc:rights": LICENCE,
        "dc:modified": about["modified"],
        "notes": about["notes"],
        "dialect": {"delimiter": ";", "encoding": "utf-8", "header": True},
        "tableSchema": {
            "columns": [
                {
                    "name": c.name,
                    "titles": c.title,
                    "datatype": (
                        {"base": c.datatype, "format": {"decimalChar": ","}}
                        if c.datatype == "decimal"
                        else c.datatype
                    ),
                }
                for c in dataset.columns
            ],
            "primaryKey": dataset.primary_key or dataset.columns[0].name,
        },
    }
    return json_response(document, "application/csvm+json")


def _geojson(dataset, request):
    features = []
    page_url = dataset.page_urls(request) if dataset.page_urls else None
    for obj, row in dataset.rows(request):
        properties = {key: _plain(value) for key, value in row.items()}
        if page_url:
            properties["page"] = page_url(obj)
        geometry = dataset.geometry(obj)
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    # Foreign members (RFC 7946 §6.1) carry the provenance with the data.
    document = {
        "type": "FeatureCollection",
        "name": dataset.title,
        "metadata": dataset.about()["metadata"],
        "features": features,
    }
    response = json_response(document, "application/geo+json")
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}.geojson"'
    return response


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def json_response(document, content_type):
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        content_type=f"{content_type}; charset=utf-8",
    )

"""Carpool places in and out of the national base's CSV format (BNLC, schema in data/).

An import is all or nothing: every row is checked against the schema file, then against the
territory (a commune of the perimeter, a point inside it), and nothing is written unless every
row passes. Rows are matched to existing places by `id_local`, so re-importing an export
updates the same places instead of duplicating them."""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from petr.core.french.identifiers import siren_error
from petr.territory.models import Commune, TerritoryMap
from petr.web.invalidation import gathered

from .models import CARPOOL_CATEGORIES, CARPOOL_SCHEMA, HITCHHIKING_TYPE, Category, Place

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# Model field for each schema column.
COLUMNS = {
    "id_local": "local_id",
    "nom_lieu": "name",
    "ad_lieu": "address",
    "com_lieu": "locality",
    "insee": "commune",
    "type": "carpool_type",
    "date_maj": "updated_on",
    "ouvert": "is_open",
    "source": "source_siren",
    "Xlong": "longitude",
    "Ylat": "latitude",
    "nbre_pl": "spaces",
    "nbre_pmr": "accessible_spaces",
    "duree": "max_stay_minutes",
    "horaires": "opening_hours",
    "proprio": "owner",
    "lumiere": "lighting",
    "comm": "comment",
}


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # French sentences, each naming its row
    created: int = 0
    updated: int = 0


def read_text(upload) -> tuple[str | None, str | None]:
    """(text, error): UTF-8 with or without a byte-order mark, within MAX_BYTES."""
    if upload.size > MAX_BYTES:
        return None, f"Le fichier dépasse {MAX_BYTES // 1024 // 1024} Mo."
    try:
        return upload.read().decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 »."


def import_places(text: str, mission=None) -> ImportResult:
    result = ImportResult()
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append("Le fichier est vide.")
        return result
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    result.errors = [f"Ligne 1 (en-tête) : {e}" for e in CARPOOL_SCHEMA.header_errors(header)]
    if result.errors:
        return result
    communes = {c.code_insee: c for c in Commune.objects.all()}
    territory = TerritoryMap.objects.first()
    places, seen = [], {}
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            result.errors.append(f"Plus de {MAX_ROWS} lignes : découpez le fichier.")
            break
        if None in row:
            result.errors.append(f"Ligne {number} : plus de valeurs que de colonnes.")
            continue
        values, errors = CARPOOL_SCHEMA.read_row(row)
        errors.update(_territory_errors(values, errors, communes, territory))
        local_id = values["id_local"]
        if local_id and local_id in seen:
            errors["id_local"] = f"« {local_id} » figure déjà ligne {seen[local_id]}."
        seen.setdefault(local_id, number)
        for column, message in errors.items():
            result.errors.append(f"Ligne {number}, colonne « {column} » : {message}")
        if not errors:
            places.append(_place_values(values, communes))
    if result.errors:
        return result
    if not places:
        result.errors.append("Le fichier ne contient aucune ligne de données.")
        return result
    with transaction.atomic(), gathered():
        existing = Place.objects.select_for_update().in_bulk(
            [p["local_id"] for p in places], field_name="local_id"
        )
        for values in places:
            place = existing.get(values["local_id"]) or Place(mission=mission)
            result.updated += bool(place.pk)
            result.created += not place.pk
            for name, value in values.items():
                setattr(place, name, value)
            place.save()
    return result


def _territory_errors(values, errors, communes, territory):
    found = {}
    code = values["insee"]
    if "insee" not in errors and code not in communes:
        found["insee"] = f"la commune {code} n'est pas une commune du territoire."
    lon, lat = values["Xlong"], values["Ylat"]
    readable = lon is not None and lat is not None and not ({"Xlong", "Ylat"} & errors.keys())
    if readable and (territory is None or not territory.contains(lon, lat)):
        found["Xlong"] = f"le point ({lat} N, {lon} E) est hors du territoire."
    # The schema's custom check « french-siren-value » on the provider's SIREN.
    if values["source"] and "source" not in errors and (error := siren_error(values["source"])):
        found["source"] = error[0].lower() + error[1:]
    pmr, spaces = values["nbre_pmr"], values["nbre_pl"]
    if pmr is not None and spaces is not None and pmr > spaces:
        found["nbre_pmr"] = "plus de places PMR que de places en tout."
    return found


def _place_values(values, communes):
    place = {COLUMNS[column]: value for column, value in values.items() if column in COLUMNS}
    place["commune"] = communes[values["insee"]]
    place["category"] = (
        Category.HITCHHIKING if values["type"] == HITCHHIKING_TYPE else Category.CARPOOL
    )
    for name in ("address", "locality", "opening_hours", "owner", "comment", "source_siren"):
        place[name] = place[name] or ""
    return place


def export_rows():
    """The carpool places as rows of the schema, in its column order."""
    places = Place.objects.filter(category__in=CARPOOL_CATEGORIES).select_related("commune")
    for place in places.order_by("local_id"):
        yield [_cell(getattr(place, COLUMNS[name]), name) for name in CARPOOL_SCHEMA.names]


def _cell(value, column):
    if column == "insee":
        return value.code_insee
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def export_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CARPOOL_SCHEMA.names)
    writer.writerows(export_rows())
    return buffer.getvalue()

"""The places' open data: every place as CSV and GeoJSON points, and the carpool places in the
national base's own format (comma-separated, its column order) to send back to it."""

from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone

from petr.core.opendata import LICENCE, Column, Dataset, register, register_file

from . import carpool
from .models import Place

SOURCE = "Saisis par l'équipe du site ou importés de fichiers au format national."
COLUMNS = [
    Column("identifiant_local", "Identifiant local (base nationale des lieux de covoiturage)"),
    Column("nom", "Nom"),
    Column("categorie", "Catégorie"),
    Column("type_covoiturage", "Type de lieu de covoiturage (nomenclature nationale)"),
    Column("mission", "Mission"),
    Column("adresse", "Adresse"),
    Column("lieu_dit", "Lieu-dit"),
    Column("commune", "Commune"),
    Column("code_insee", "Code INSEE"),
    Column("latitude", "Latitude (WGS84)", "decimal", 6),
    Column("longitude", "Longitude (WGS84)", "decimal", 6),
    Column("horaires", "Jours et horaires"),
    Column("en_service", "En service", "boolean"),
    Column("places", "Nombre de places", "integer"),
    Column("places_pmr", "Places PMR", "integer"),
    Column("duree_max_min", "Durée maximale de stationnement (minutes)", "integer"),
    Column("eclairage", "Éclairé la nuit", "boolean"),
    Column("amenageur", "Aménageur"),
    Column("commentaire", "Commodités et précisions"),
    Column("mis_a_jour", "Mis à jour le", "date"),
]


def _rows(request):
    for place in Place.objects.select_related("commune", "mission").order_by("pk"):
        yield (
            place,
            {
                "identifiant_local": place.local_id or "",
                "nom": place.name,
                "categorie": place.get_category_display(),
                "type_covoiturage": place.carpool_type,
                "mission": place.mission.title if place.mission else "",
                "adresse": place.address,
                "lieu_dit": place.locality,
                "commune": place.commune.name,
                "code_insee": place.commune.code_insee,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "horaires": place.opening_hours,
                "en_service": place.is_open,
                "places": place.spaces,
                "places_pmr": place.accessible_spaces,
                "duree_max_min": place.max_stay_minutes,
                "eclairage": place.lighting,
                "amenageur": place.owner,
                "commentaire": place.comment,
                "mis_a_jour": place.updated_on.isoformat(),
            },
        )


def _about():
    latest = Place.objects.aggregate(Max("updated_on"))["updated_on__max"] or timezone.localdate()
    return {
        "source": SOURCE,
        "modified": latest.isoformat(),
        "notes": ["Coordonnées en degrés décimaux, WGS84."],
        "metadata": {"source": SOURCE, "licence": LICENCE, "date": latest.isoformat()},
    }


def _point(place):
    return {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]}


def _national_file(request):
    response = HttpResponse(carpool.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lieux-covoiturage.csv"'
    return response


register(Dataset("lieux", "Lieux des missions", COLUMNS, _rows, _about, geometry=_point,
                 staff_text=True))  # fmt: skip
register_file(
    "lieux-covoiturage.csv", _national_file, "Lieux de covoiturage et arrêts d'auto-stop",
    "Les aires de covoiturage et arrêts d'auto-stop organisé du territoire, au format de la base "
    "nationale des lieux de covoiturage.",
    "https://schema.data.gouv.fr/etalab/schema-lieux-covoiturage/",
)  # fmt: skip

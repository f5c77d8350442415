"""The national carpool-places CSV: a valid file imports, each kind of bad file is refused with a
French message naming its row and column and writes nothing, and the export re-imports to the
same places."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from petr.missions.models import MissionPage
from petr.places.carpool import export_csv, import_places
from petr.places.models import CARPOOL_SCHEMA, CARPOOL_SCHEMA_PATH, Category, Place
from petr.places.schema import TableSchema
from petr.territory.models import Commune
from petr.web.pagecache import on_site

pytestmark = pytest.mark.django_db


def row(commune, **values):
    base = {
        "id_local": "CL-01", "nom_lieu": "Place de la Gare", "ad_lieu": "1, place de la Gare",
        "com_lieu": "", "insee": commune.code_insee, "type": "Aire de covoiturage",
        "date_maj": "2026-05-04", "ouvert": "true", "source": "",
        "Xlong": f"{commune.longitude:.6f}", "Ylat": f"{commune.latitude:.6f}",
        "nbre_pl": "24", "nbre_pmr": "2", "duree": "",
        "horaires": "24/7", "proprio": "Communauté de communes", "lumiere": "true",
        "comm": "Abri vélos",
    }  # fmt: skip
    return base | values


def csv_text(rows, header=None, delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=header or CARPOOL_SCHEMA.names,
        delimiter=delimiter,
        extrasaction="ignore",
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


@pytest.fixture
def communes(seeded):
    return list(Commune.objects.exclude(latitude=None).order_by("code_insee")[:2])


def test_a_valid_file_imports_every_row(communes):
    first, second = communes
    text = csv_text([
        row(first),
        row(second, id_local="AS-07", nom_lieu="Arrêt de l'église", type="Auto-stop",
            nbre_pl="", nbre_pmr="", lumiere=""),
    ], delimiter=";")  # fmt: skip
    mobility = MissionPage.objects.get(slug="mobilite")
    result = import_places("\ufeff" + text, mobility)
    assert result.errors == [] and (result.created, result.updated) == (2, 0)
    area, stop = Place.objects.get(local_id="CL-01"), Place.objects.get(local_id="AS-07")
    assert (area.category, area.carpool_type, area.commune) == (
        Category.CARPOOL,
        "Aire de covoiturage",
        first,
    )
    assert (area.spaces, area.accessible_spaces, area.lighting) == (24, 2, True)
    assert (stop.category, stop.lighting, stop.spaces, stop.mission) == (
        Category.HITCHHIKING,
        None,
        None,
        mobility,
    )


def test_the_export_reimports_to_the_same_places(communes):
    first, second = communes
    import_places(csv_text([row(first), row(second, id_local="AS-07", type="Auto-stop")]))
    before = list(Place.objects.order_by("local_id").values())
    exported = export_csv()
    assert exported.splitlines()[0] == ",".join(CARPOOL_SCHEMA.names)
    result = import_places(exported)
    assert result.errors == [] and (result.created, result.updated) == (0, 2)
    assert list(Place.objects.order_by("local_id").values()) == before


def test_a_place_added_by_hand_gets_an_identifier_and_round_trips(communes):
    commune = communes[0]
    place = Place(name="Parking du stade", category=Category.CARPOOL, commune=commune,
                  longitude=Decimal(f"{commune.longitude:.6f}"),
                  latitude=Decimal(f"{commune.latitude:.6f}"))  # fmt: skip
    place.full_clean()
    place.save()
    assert place.local_id == f"L{place.pk:05d}" and place.carpool_type == "Aire de covoiturage"
    assert import_places(export_csv()).updated == 1
    assert Place.objects.count() == 1


BAD_FILES = {
    "missing column": (
        lambda c: csv_text([row(c)], header=[n for n in CARPOOL_SCHEMA.names if n != "Ylat"]),
        "Ligne 1 (en-tête) : Colonnes obligatoires absentes : Ylat.",
    ),
    "unknown column": (
        lambda c: csv_text(
            [row(c) | {"latitude": "49"}], header=[*CARPOOL_SCHEMA.names, "latitude"]
        ),
        "Colonnes inconnues du schéma : latitude.",
    ),
    "bad date": (
        lambda c: csv_text([row(c), row(c, id_local="B", date_maj="04/05/2026")]),
        "Ligne 3, colonne « date_maj » : « 04/05/2026 » n'est pas une date",
    ),
    "bad boolean": (
        lambda c: csv_text([row(c, ouvert="oui")]),
        "Ligne 2, colonne « ouvert » : « oui » n'est pas « true » ou « false ».",
    ),
    "not a number": (
        lambda c: csv_text([row(c, Xlong="5,61")]),
        "Ligne 2, colonne « Xlong » : « 5,61 » n'est pas un nombre",
    ),
    "type outside the list": (
        lambda c: csv_text([row(c, type="Gare")]),
        "Ligne 2, colonne « type » : « Gare » n'est pas une valeur admise",
    ),
    "required value missing": (
        lambda c: csv_text([row(c, nom_lieu="")]),
        "Ligne 2, colonne « nom_lieu » : valeur obligatoire manquante.",
    ),
    "unknown commune": (
        lambda c: csv_text([row(c, insee="75056")]),
        "Ligne 2, colonne « insee » : la commune 75056 n'est pas une commune du territoire.",
    ),
    "point outside": (
        lambda c: csv_text([row(c, Xlong="2.352222", Ylat="48.856613")]),
        "Ligne 2, colonne « Xlong » : le point (48.856613 N, 2.352222 E) est hors du territoire.",
    ),
    "duplicate identifier": (
        lambda c: csv_text([row(c), row(c)]),
        "Ligne 3, colonne « id_local » : « CL-01 » figure déjà ligne 2.",
    ),
    "provider's SIREN key": (
        lambda c: csv_text([row(c, source="225300012")]),
        "Ligne 2, colonne « source » : ce SIREN n'est pas valide",
    ),
    "more PMR than places": (
        lambda c: csv_text([row(c, nbre_pl="2", nbre_pmr="3")]),
        "Ligne 2, colonne « nbre_pmr » : plus de places PMR",
    ),
    "ragged row": (
        lambda c: csv_text([row(c)]) + "x,y,z" + "," * 20 + "\r\n",
        "Ligne 3 : plus de valeurs que de colonnes.",
    ),
    "empty": (lambda c: "", "Le fichier est vide."),
    "header only": (lambda c: csv_text([]), "Le fichier ne contient aucune ligne de données."),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_names_its_error_and_writes_nothing(communes, case):
    make, message = BAD_FILES[case]
    import_places(csv_text([row(communes[1], id_local="KEPT", nom_lieu="Déjà là")]))
    result = import_places(make(communes[0]))
    assert any(message in error for error in result.errors), result.errors
    assert list(Place.objects.values_list("local_id", "name")) == [("KEPT", "Déjà là")]


def test_the_rules_are_read_from_the_schema_file(tmp_path):
    """A rule changed in the schema file changes the validation, with no code change."""
    document = json.loads(CARPOOL_SCHEMA_PATH.read_text(encoding="utf-8"))
    next(f for f in document["fields"] if f["name"] == "nbre_pl")["constraints"]["maximum"] = 10
    changed = tmp_path / "schema.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    _, errors = TableSchema(changed).read_row({"nbre_pl": "24"})
    assert errors["nbre_pl"] == "24 est supérieur à 10."
    _, errors = CARPOOL_SCHEMA.read_row({"nbre_pl": "24"})
    assert "nbre_pl" not in errors


def test_the_admin_import_lists_errors_then_imports(client, communes, django_user_model):
    staff = django_user_model.objects.create_superuser("lea", "l@p.example", "x" * 16)
    client.force_login(staff)
    bad = SimpleUploadedFile("lieux.csv", csv_text([row(communes[0], insee="75056")]).encode())
    mobility = MissionPage.objects.get(slug="mobilite")
    response = client.post("/admin/lieux/importer/", {"file": bad, "mission": mobility.pk})
    assert response.status_code == 200
    assert "Rien n'a été importé : 1 erreur à corriger" in response.text
    assert "la commune 75056 n&#x27;est pas une commune du territoire" in response.text
    latin1_text = csv_text([row(communes[0], nom_lieu="Église")]).encode("cp1252")
    latin1 = SimpleUploadedFile("lieux.csv", latin1_text)
    response = client.post("/admin/lieux/importer/", {"file": latin1, "mission": mobility.pk})
    assert "pas encodé en UTF-8" in response.text and not Place.objects.exists()
    good = SimpleUploadedFile("lieux.csv", csv_text([row(communes[0])]).encode())
    sent = {"file": good, "mission": mobility.pk}
    response = client.post("/admin/lieux/importer/", sent, follow=True)
    assert "Import réussi : 1 lieu ajouté, 0 lieu mis à jour." in response.text
    assert Place.objects.get().name == "Place de la Gare"


def test_the_open_data_files_list_every_place(client, communes):
    first, second = communes
    import_places(csv_text([row(first), row(second, id_local="AS-07", type="Auto-stop",
                                            lumiere="")]))  # fmt: skip
    national = client.get("/donnees/lieux-covoiturage.csv")
    assert national["Content-Type"] == "text/csv; charset=utf-8"
    assert import_places(national.content.decode()).updated == 2
    spreadsheet = client.get("/donnees/lieux.csv").content.decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(spreadsheet), delimiter=";"))
    assert [(r["identifiant_local"], r["en_service"], r["eclairage"]) for r in lines] == [
        ("CL-01", "true", "true"),
        ("AS-07", "true", ""),
    ]
    assert lines[0]["latitude"] == f"{first.latitude:.6f}".replace(".", ",")
    document = json.loads(client.get("/donnees/lieux.geojson").content)
    assert document["features"][1]["geometry"] == {
        "type": "Point",
        "coordinates": [round(second.longitude, 6), round(second.latitude, 6)],
    }


def test_an_import_purges_the_page_cache_once(communes, monkeypatch):
    purged = []
    monkeypatch.setattr("petr.web.invalidation.purge", lambda **kw: purged.append(kw))
    rows = [row(communes[i % 2], id_local=f"P{i}") for i in range(12)]
    assert import_places(csv_text(rows), MissionPage.objects.get(slug="mobilite")).created == 12
    assert len(purged) == 1
    site = Site.objects.get(is_default_site=True).pk
    assert on_site(site, "/missions/mobilite/") in list(purged[0]["pages"])
    Place.objects.first().save()  # one place saved by hand: its own purge
    assert len(purged) == 2


def test_an_import_asks_for_the_mission_its_places_belong_to(admin_client, seeded):
    mobility = MissionPage.objects.get(slug="mobilite")
    page = admin_client.get("/admin/lieux/importer/").content.decode()
    assert "Choisissez la mission" in page and "(aucune)" not in page
    commune = Commune.objects.order_by("name").first()
    rows = [row(commune), row(commune, id_local="CL-02", nom_lieu="Parking du stade")]

    def sent(**fields):
        return {"file": SimpleUploadedFile("lieux.csv", csv_text(rows).encode()), **fields}

    refused = admin_client.post("/admin/lieux/importer/", sent())
    assert "Champ requis" in refused.text and not Place.objects.exists()
    done = admin_client.post("/admin/lieux/importer/", sent(mission=mobility.pk), follow=True)
    assert "Import réussi : 2 lieux ajoutés, 0 lieu mis à jour." in done.text
    assert {place.mission_id for place in Place.objects.all()} == {mobility.pk}

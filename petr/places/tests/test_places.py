"""Places typed in the admin (coordinates the French way, a point outside the territory refused)
and shown where residents look: their mission's page and their commune's page, on the map and
as a list."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from petr.missions.models import MissionPage
from petr.places.models import Category, Place
from petr.territory.models import Commune, TerritoryPage
from petr.users.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lea", "l@p.example", "x" * 16))
    return client


def form(commune, **fields):
    return {
        "name": "Parking du lavoir", "category": "covoiturage", "carpool_type": "", "mission": "",
        "commune": commune.pk, "address": "", "locality": "", "latitude": "", "longitude": "",
        "is_open": "on", "opening_hours": "", "spaces": "", "accessible_spaces": "",
        "max_stay_minutes": "", "lighting": "", "owner": "", "comment": "", "source_siren": "",
    } | fields  # fmt: skip


def test_coordinates_typed_the_french_way_are_saved(seeded, staff):
    commune = Commune.objects.get(slug="saint-mihiel")
    lat, lon = f"{commune.latitude:.5f}".replace(".", ","), f"{commune.longitude:.5f}"
    response = staff.post("/admin/snippets/places/place/add/",
                          form(commune, latitude=lat, longitude=lon))  # fmt: skip
    assert response.status_code == 302, re.findall(r'error-message">\s*<p>([^<]+)', response.text)
    place = Place.objects.get()
    assert place.latitude == Decimal(lat.replace(",", ".")) and place.local_id.startswith("L")
    assert place.carpool_type == "Aire de covoiturage"


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("48,856613", "2,352222", "Ce point (48,856613 N, 2,352222 E) est hors du territoire"),
        ("quarante-neuf", "5,5", "Coordonnée non reconnue : saisissez des degrés décimaux"),
    ],
)
def test_a_point_outside_or_unreadable_is_refused_with_what_was_typed(
    seeded, staff, latitude, longitude, message
):
    commune = Commune.objects.get(slug="saint-mihiel")
    response = staff.post("/admin/snippets/places/place/add/",
                          form(commune, latitude=latitude, longitude=longitude))  # fmt: skip
    assert response.status_code == 200 and message in response.text
    assert 'value="Parking du lavoir"' in response.text and not Place.objects.exists()


def test_places_show_on_their_mission_and_commune_pages(seeded, client):
    mobility = MissionPage.objects.get(slug="mobilite")
    commune = Commune.objects.get(slug="saint-mihiel")
    for name, category in (
        ("Aire du pont", Category.CARPOOL),
        ("Arrêt de la poste", Category.HITCHHIKING),
    ):
        Place.objects.create(name=name, category=category, mission=mobility, commune=commune,
                             longitude=Decimal(f"{commune.longitude:.6f}"),
                             latitude=Decimal(f"{commune.latitude:.6f}"),
                             opening_hours="24/7")  # fmt: skip
    page = client.get(mobility.url).text
    assert page.count('class="map-point"') == 2
    assert "auto-stop organisé" in page and "Aire du pont" in page
    commune_url = TerritoryPage.objects.live().first().url + "saint-mihiel/"
    text = client.get(commune_url).text
    assert "Lieux à Saint-Mihiel" in text and "Arrêt de la poste" in text
    assert text.count('class="map-point"') == 2


def test_a_mission_without_places_shows_no_map_of_places(seeded, client):
    assert "Carte des lieux" not in client.get(MissionPage.objects.get(slug="mobilite").url).text


def test_mission_officers_keep_places_and_communication_cannot_import(seeded, client):
    officer = User.objects.create_user("mo", "mo@p.example", "x" * 16)
    officer.groups.add(Group.objects.get(name="Chargé·e de mission — Mobilité"))
    client.force_login(officer)
    assert client.get("/admin/lieux/importer/").status_code == 200
    assert client.get("/admin/snippets/places/place/add/").status_code == 200
    communication = User.objects.create_user("co", "co@p.example", "x" * 16)
    communication.groups.add(Group.objects.get(name="Communication"))
    client.force_login(communication)
    refused = client.get("/admin/lieux/importer/")
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's « no permission »


def test_a_point_in_a_neighbouring_commune_is_refused_naming_it(seeded, staff):
    chosen, clicked = (
        Commune.objects.get(slug=s) for s in ("saint-mihiel", "rupt-devant-saint-mihiel")
    )
    lat, lon = (f"{value:.5f}".replace(".", ",") for value in (clicked.latitude, clicked.longitude))
    response = staff.post("/admin/snippets/places/place/add/",
                          form(chosen, latitude=lat, longitude=lon))  # fmt: skip
    assert response.status_code == 200 and not Place.objects.exists()
    assert f"Le point ({lat} N, {lon} E) est à Rupt-devant-Saint-Mihiel, pas à Saint-Mihiel" in (
        response.text
    )
    accepted = staff.post("/admin/snippets/places/place/add/",
                          form(clicked, latitude=lat, longitude=lon))  # fmt: skip
    assert accepted.status_code == 302 and Place.objects.get().commune == clicked

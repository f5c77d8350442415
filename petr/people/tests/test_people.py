"""People as data: « Le PETR » shows its governance and team, each mission its named contact in
« Pour agir », the search finds people by name and function; contact details only when public."""

import pytest

from petr.library.models import Body
from petr.missions.models import MissionPage
from petr.people.models import Membership, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(seeded):
    council, bureau = Body.objects.order_by("order")[:2]
    president = Person.objects.create(name="Dominique Exemple", function="Maire d'Exemple",
                                      email="president@example.org", order=1)  # fmt: skip
    Membership.objects.create(person=president, body=council, role="Président")
    Membership.objects.create(person=president, body=bureau, role="Président")
    officer = Person.objects.create(name="Alex Modèle", function="Chargé de mission santé",
                                    phone="03 29 00 00 07", email="alex@example.org",
                                    contact_public=True, in_team=True)  # fmt: skip
    health = MissionPage.objects.get(slug="contrat-local-de-sante")
    officer.missions.add(health)
    officer.save()
    return president, officer, health, (council, bureau)


def test_le_petr_shows_its_governance_by_body_and_its_team(client, people):
    president, officer, health, (council, bureau) = people
    from petr.territory.models import PetrPage

    html = client.get(PetrPage.objects.get().url).content.decode()
    governance = html.index('id="instances"')
    assert (
        governance < html.index(f"<h3>{council.name}</h3>") < html.index(f"<h3>{bureau.name}</h3>")
    )
    assert html.count("Dominique Exemple") == 2 and html.count(f'id="{president.anchor}"') == 1
    assert "president@example.org" not in html  # not ticked public
    team = html[html.index('id="equipe"') :]
    assert "Alex Modèle" in team and f'href="{health.url}"' in team
    assert 'href="tel:0329000007"' in team


def test_a_mission_names_its_contact_under_pour_agir(client, people):
    president, officer, health, _ = people
    html = client.get(health.url).content.decode()
    agir = html[html.index('id="agir"') : html.index("</section>", html.index('id="agir"'))]
    assert "Votre contact" in agir and "Alex Modèle" in agir and "alex@example.org" in agir
    officer.contact_public = False
    officer.save()
    html = client.get(health.url).content.decode()
    assert "Alex Modèle" in html and "alex@example.org" not in html and "0329000007" not in html
    other = MissionPage.objects.exclude(pk=health.pk).first()
    assert "Votre contact" not in client.get(other.url).content.decode()


@pytest.mark.parametrize("query", ["président", "PRESIDENT", "dominique", "maire exemple"])
def test_the_search_finds_people_by_name_function_or_role(client, people, query):
    president = people[0]
    html = client.get("/recherche/", {"q": query}).content.decode()
    assert 'id="personnes"' in html
    assert f'#{president.anchor}">Dominique Exemple</a>' in html


def test_public_details_need_an_address_or_a_phone(seeded):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="à rendre public"):
        Person(name="Sans coordonnées", contact_public=True).full_clean()


def test_the_old_mission_contact_moves_to_a_person_of_the_team(seeded):
    """Migration people 0002, run forwards on a mission that had a typed contact."""
    from importlib import import_module

    from django.apps import apps as live_apps

    migration = import_module("petr.people.migrations.0002_mission_contacts")
    health = MissionPage.objects.get(slug="contrat-local-de-sante")

    class Missions:  # the historical model still had the typed contact
        @staticmethod
        def all():
            return [health]

    health.contact_name, health.contact_role = "Camille Modèle", "Coordinatrice"
    health.contact_phone, health.contact_email = "03 29 00 00 08", ""

    class Apps:
        def get_model(self, app, name):
            model = live_apps.get_model(app, name)
            if name == "MissionPage":
                return type("M", (), {"objects": Missions})
            return model

    migration.move_contacts(Apps(), None)
    person = Person.objects.get(name="Camille Modèle")
    assert person.in_team and person.contact_public and person.function == "Coordinatrice"
    assert list(person.missions.all()) == [health]


def test_le_petr_keeps_its_query_count_however_many_people_have_photos(people, query_counts):
    from wagtail.images.tests.utils import get_test_image_file

    from petr.core.models import CustomImage
    from petr.territory.models import PetrPage

    url = PetrPage.objects.get().url

    def add(count):
        for index in range(count):
            photo = CustomImage.objects.create(
                title=f"Portrait {index}", file=get_test_image_file()
            )
            person = Person.objects.create(name=f"Élu {index}", photo=photo, in_team=True)
            Membership.objects.create(person=person, body=people[3][0], role="Membre")

    add(2)
    few = query_counts([url])[url]
    add(6)
    assert query_counts([url])[url] == few

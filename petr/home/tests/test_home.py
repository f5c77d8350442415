import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from petr.core.models import SeedMark
from petr.territory.models import Commune
from petr.territory.tests.helpers import add_communes

pytestmark = pytest.mark.django_db
NNBSP = "\u202f"


def test_home_figures_are_in_the_html_with_french_formatting(client, seeded):
    html = client.get("/").content.decode()
    values = dict(re.findall(r'<data value="(\d+)">([^<]+)</data>', html))
    assert values == {"4": "4", "123": "123", "25292": f"25{NNBSP}292", "1599": f"1{NNBSP}599"}
    assert "≈" in html and "km²" in html
    assert "millésime 2023" in html
    assert "Licence Ouverte 2.0" in html and "geo.api.gouv.fr" in html


def test_figures_follow_the_data_not_the_text(client, seeded):
    Commune.objects.filter(code_insee="55017").update(population=1109)
    html = client.get("/").content.decode()
    assert f'<data value="26292">26{NNBSP}292</data>' in html


def test_mission_tabs_link_every_mission_page(client, seeded):
    html = client.get("/").content.decode()
    for slug in ("contrat-local-de-sante", "transition-ecologique", "mobilite", "leader"):
        assert f'href="#mission-{slug}"' in html
        assert f'id="mission-{slug}"' in html
        assert f'href="/missions/{slug}/"' in html


def test_home_query_count_does_not_grow_with_communes(seeded, query_counts):
    before = query_counts(["/"])
    add_communes(5)
    assert query_counts(["/"]) == before
    assert before["/"] <= 10  # site, page, figures and their import, missions, news, events


def test_seeding_twice_keeps_editor_changes_and_deletions(client, seeded):
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.title = "Titre choisi par l'éditrice"
    home.save_revision().publish()
    mobility = home.get_descendants().get(slug="mobilite")
    mobility.delete()
    marks = SeedMark.objects.count()

    call_command("seed_site", stdout=open("/dev/null", "w"))  # noqa: SIM115

    home.refresh_from_db()
    assert home.title == "Titre choisi par l'éditrice"
    assert not home.get_descendants().filter(slug="mobilite").exists()
    assert SeedMark.objects.count() == marks
    assert Commune.objects.count() == 123

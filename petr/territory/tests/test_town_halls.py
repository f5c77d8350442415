"""Each commune's mairie from the national directory (a fixture in its published shape): all or
nothing, corrections kept on the next import, shown on the commune's page."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from petr.territory.models import Commune, TownHall
from petr.territory.town_hall_import import TownHallDataError, import_town_halls

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).parent / "fixtures" / "annuaire-mairies.json"


def test_the_import_reads_both_shapes_and_keeps_the_main_mairie(seeded):
    report = import_town_halls(FIXTURE.read_bytes())
    assert report.created == 2  # Paris is not of the perimeter, France Travail not a mairie
    saint_mihiel = TownHall.objects.get(commune__code_insee="55463")
    assert saint_mihiel.name == "Mairie - Saint-Mihiel"  # not the delegated one
    assert saint_mihiel.address == "Hôtel de ville\n1 place de l'Exemple\n55300 Saint-Mihiel"
    assert saint_mihiel.phone == "03 29 00 00 01"
    assert saint_mihiel.website == "https://mairie.example.org/"
    assert saint_mihiel.opening_hours == (
        "Du lundi au vendredi : 8 h 30 – 12 h et 14 h – 17 h 30\nSamedi : 9 h – 12 h (sauf en août)"
    )
    assert saint_mihiel.mayor == "Camille Exemple"
    vigneulles = TownHall.objects.get(commune__code_insee="55551")  # the API's JSON-text fields
    assert vigneulles.email == "mairie.vigneulles@example.org"
    assert vigneulles.opening_hours == "Mardi : 14 h – 18 h"
    assert (
        "Saint-Mihiel" not in report.without and len(report.without) == Commune.objects.count() - 2
    )


def test_a_staff_correction_survives_the_next_import_and_a_second_run_changes_nothing(seeded):
    import_town_halls(FIXTURE.read_bytes())
    town_hall = TownHall.objects.get(commune__code_insee="55463")
    town_hall.phone = "03 29 11 11 11"
    town_hall.save()
    report = import_town_halls(FIXTURE.read_bytes())
    town_hall.refresh_from_db()
    assert town_hall.phone == "03 29 11 11 11" and town_hall.corrected == ["phone"]
    assert report.kept == [("Saint-Mihiel", "téléphone")]
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "n'est pas du JSON valide"),
        ('{"service": [{"nom": "Mairie é"}]}'.encode("latin-1"), "UTF-8"),
        (b'{"service": "nope"}', "une liste « service »"),
        (
            json.dumps(
                {
                    "service": [
                        {
                            "nom": "Mairie - X",
                            "code_insee_commune": "55551",
                            "pivot": [
                                {"type_service_local": "mairie", "code_insee_commune": ["55551"]}
                            ],
                            "adresse_courriel": ["pas une adresse"],
                        }
                    ]
                }
            ).encode(),  # fmt: skip
            "« pas une adresse » n'est pas une adresse valide",
        ),
    ],
)
def test_bad_files_write_nothing_and_say_why_in_french(seeded, raw, message):
    import_town_halls(FIXTURE.read_bytes())
    before = list(TownHall.objects.values_list("phone", "email"))
    with pytest.raises(TownHallDataError, match=message):
        import_town_halls(raw)
    assert list(TownHall.objects.values_list("phone", "email")) == before


def test_the_command_imports_simulates_and_refuses(seeded, tmp_path, capsys):
    call_command("import_town_halls", str(FIXTURE), dry_run=True)
    assert not TownHall.objects.exists() and "Simulation" in capsys.readouterr().out
    call_command("import_town_halls", str(FIXTURE))
    assert TownHall.objects.count() == 2
    with pytest.raises(CommandError, match="Fichier illisible"):
        call_command("import_town_halls", str(tmp_path / "absent.json"))


def test_the_commune_page_is_a_hub(client, seeded):
    from petr.news.tests.helpers import publish_news

    html = client.get("/territoire/saint-mihiel/").content.decode()
    assert 'id="mairie"' not in html  # nothing imported: nothing shown
    import_town_halls(FIXTURE.read_bytes())
    publish_news(1, title="Le marché revient", communes=[Commune.objects.get(code_insee="55463")])
    html = client.get("/territoire/saint-mihiel/").content.decode()
    assert "Camille Exemple" in html and 'href="tel:0329000001"' in html
    assert "Du lundi au vendredi : 8 h 30 – 12 h et 14 h – 17 h 30" in html
    assert "Actualités à Saint-Mihiel" in html and "Le marché revient" in html

"""Projects, actions and indicators as open data: what the pages say, in files a spreadsheet and
a map open, with their licence and date; a private person is never named in them."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest

from petr.programmes.models import ActionPage, ProgrammePage
from petr.programmes.tests.test_projects import add_project
from petr.territory.models import Commune

pytestmark = pytest.mark.django_db


def rows(client, name):
    response = client.get(f"/donnees/{name}-tableur.csv")
    assert response.status_code == 200 and response.content.startswith("\ufeff".encode())
    plain = client.get(f"/donnees/{name}.csv").content  # for programs: the same, no mark
    assert response.content.removeprefix("\ufeff".encode()) == plain
    return list(csv.DictReader(io.StringIO(plain.decode("utf-8")), delimiter=";"))


@pytest.fixture
def action(seeded):
    programme = ProgrammePage.objects.get(slug="cls-3")
    action = ActionPage(
        title="Ateliers nutrition", number="3.1", axis=programme.axes.get(number="3"),
        status=ActionPage.Status.ONGOING, budget=Decimal("12000"),
        indicators=[("indicator", {
            "label": "Ateliers menés", "unit": "ateliers", "baseline": 0, "target": 20,
            "measurements": [{"date": datetime.date(2026, 3, 1), "value": 4},
                             {"date": datetime.date(2026, 6, 30), "value": 8}],
        })],
    )  # fmt: skip
    programme.add_child(instance=action)
    action.save_revision().publish()
    return action


def test_projects_csv_has_one_column_per_funder_and_hides_a_private_person(client, action):
    woel, mihiel = Commune.objects.get(slug="woel"), Commune.objects.get(slug="saint-mihiel")
    add_project("Rénovation d'une grange", beneficiary="Jeanne Martin",
                beneficiary_kind="particulier", communes=[woel], actions=[action],
                total_cost=Decimal("30000"), committee_date=datetime.date(2026, 4, 2),
                fundings=[("leader", "9000.50", "1000"), ("region", "3000", "0"),
                          ("autre", "500", "0")])  # fmt: skip
    add_project('=HYPERLINK("http://x")', communes=[woel, mihiel])
    by_title = {row["titre"]: row for row in rows(client, "projets")}
    grange = by_title["Rénovation d'une grange"]
    assert grange["beneficiaire"] == "Un particulier" and "Jeanne" not in str(by_title)
    assert (grange["aide_leader"], grange["aide_region"], grange["aide_detr"]) == (
        "9000,50",
        "3000,00",
        "",
    )
    assert (grange["aides_total"], grange["taux_aide"], grange["verse_total"]) == (
        "12500,50",
        "41,7",
        "1000,00",
    )
    assert grange["actions"] == "3.1 Ateliers nutrition"
    assert grange["programmes"].startswith("Contrat local de santé")
    assert grange["missions"] and grange["date_comite"] == "2026-04-02"
    assert grange["page"].startswith("http://testserver/projets-soutenus/")
    assert '=HYPERLINK("http://x")' not in by_title  # spreadsheets show it as text
    assert by_title['\'=HYPERLINK("http://x")']["codes_insee"].split() == sorted(
        [woel.code_insee, mihiel.code_insee]
    )


def test_projects_geojson_places_each_project_at_its_communes(client, action):
    woel = Commune.objects.get(slug="woel")
    add_project("Maison de santé", communes=[woel])
    add_project("Étude sans commune")
    document = json.loads(client.get("/donnees/projets.geojson").content)
    assert document["metadata"]["licence"] == "Licence Ouverte 2.0"
    features = {f["properties"]["titre"]: f for f in document["features"]}
    assert features["Maison de santé"]["geometry"] == {
        "type": "MultiPoint",
        "coordinates": [[woel.longitude, woel.latitude]],
    }
    assert features["Étude sans commune"]["geometry"] is None


def test_actions_and_indicators_csv_with_their_metadata(client, action):
    add_project("Cantine", actions=[action])
    (row,) = [r for r in rows(client, "actions") if r["titre"] == "Ateliers nutrition"]
    assert (row["numero"], row["etat"], row["budget"], row["nombre_projets"]) == (
        "3.1",
        "en cours",
        "12000,00",
        "1",
    )
    assert row["axe"] == str(action.axis)
    assert row["communes"] == ""  # the whole territory
    (indicator,) = rows(client, "indicateurs")
    assert (
        indicator["derniere_valeur"],
        indicator["date_mesure"],
        indicator["avancement_pct"],
    ) == ("8,00", "2026-06-30", "40")
    for name in ("projets", "actions", "indicateurs"):
        header = client.get(f"/donnees/{name}.csv").content.decode("utf-8-sig").splitlines()[0]
        meta = json.loads(client.get(f"/donnees/{name}.csv-metadata.json").content)
        assert header.split(";") == [c["name"] for c in meta["tableSchema"]["columns"]]
        assert meta["dc:rights"] == "Licence Ouverte 2.0" and meta["dc:modified"]


def test_an_unpublished_project_is_not_in_the_open_data(client, action):
    project = add_project("Projet retiré")
    project.unpublish()
    assert [r["titre"] for r in rows(client, "projets")] == []

"""A commune that leaves the perimeter keeps its projects, marked as outside the current
perimeter; if it comes back, it is the same commune again."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from petr.programmes.models import ProjectPage
from petr.programmes.tests.test_projects import add_project
from petr.territory.models import Commune, TerritorySettings
from petr.territory.tests.test_import import FRESNES, geo_api, run_import  # noqa: F401

pytestmark = pytest.mark.django_db


def set_members(sirens):
    settings = TerritorySettings.load()
    settings.member_sirens = "\n".join(sirens)
    settings.save()


def test_a_commune_that_leaves_keeps_its_projects(seeded, geo_api, client, admin_client):  # noqa: F811
    fresnes = Commune.objects.get(slug="fresnes-en-woevre")
    mihiel = Commune.objects.get(slug="saint-mihiel")
    project = add_project("Halle de Fresnes", communes=[fresnes, mihiel])
    members = TerritorySettings.load().sirens
    set_members(s for s in members if s != FRESNES)
    run_import("--source", "api")

    left = Commune.everywhere.get(pk=fresnes.pk)
    assert not left.in_perimeter and left.epci is None
    assert not Commune.objects.filter(pk=fresnes.pk).exists()  # not in figures, maps, lists
    assert set(project.communes.all()) == {left, mihiel}
    page = client.get(project.url).text
    assert "Fresnes-en-Woëvre (hors du périmètre actuel)" in page
    assert "Saint-Mihiel (hors" not in page
    assert client.get("/territoire/fresnes-en-woevre/").status_code == 404
    assert client.get("/projets-soutenus/").status_code == 200

    # Saved again in the admin, the project keeps the commune it can no longer be given.
    data = {
        "title": project.title, "slug": project.slug, "intro": "",
        "beneficiary": project.beneficiary, "beneficiary_kind": project.beneficiary_kind,
        "total_cost": "50000", "committee_date": "", "status": "programme",
        "body": streamfield([]), "related": streamfield([]), "action-publish": "publish",
        "fundings": inline_formset([{"funder": "leader", "other": "", "amount": "20000",
                                     "paid": "0"}]),
    }  # fmt: skip
    response = admin_client.post(
        f"/admin/pages/{project.pk}/edit/", {**nested_form_data(data), "communes": [mihiel.pk]}
    )
    assert response.status_code == 302
    assert set(ProjectPage.objects.get(pk=project.pk).communes.all()) == {left, mihiel}
    refused = admin_client.post(
        f"/admin/pages/{project.pk}/edit/", {**nested_form_data(data), "communes": [left.pk]}
    )
    assert "Sélectionnez un choix valide" in refused.text  # not offered to a new project

    set_members(members)
    run_import("--source", "api")
    back = Commune.objects.get(slug="fresnes-en-woevre")
    assert back.pk == fresnes.pk and back.in_perimeter and back.epci.siren == FRESNES

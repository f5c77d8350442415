"""A second PETR built end to end from its SIRENs by `new_site`, offline, against a local HTTP
server answering like the API with another perimeter (three communautés of the Drôme, one of
them across the Drôme and the Vaucluse: territory/tests/fixtures/perimeter-drome.json): the
import, the map, the home figures, the commune pages, the search, the open data, and no trace
of the first site. Each bad input leaves the installation empty."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page

from petr.core.models import SeedMark
from petr.territory.models import Commune, TerritoryMap
from petr.territory.sources import epci_path

from .conftest import NAME, SIRENS

pytestmark = pytest.mark.django_db


def new_site(api, *sirens, **options):
    arguments = ["--nom", options.get("nom", NAME), "--api", api.url]
    for siren in sirens or SIRENS:
        arguments += ["--siren", siren]
    if "adresse" in options:
        arguments += ["--adresse", options["adresse"]]
    for mission in options.get("missions", ()):
        arguments += ["--mission", mission]
    out = io.StringIO()
    call_command("new_site", *arguments, stdout=out)
    return out.getvalue()


def test_a_second_petr_is_built_from_its_sirens_with_no_trace_of_the_first(
    empty_installation, drome_api
):
    out = new_site(drome_api, adresse="https://www.petr-grignan.example",
                   missions=["sante", "leader", "alimentation"])  # fmt: skip
    assert f"Site « {NAME} » créé : 3 communautés, 54 communes" in out
    client = Client(HTTP_HOST="www.petr-grignan.example")

    home = client.get("/").content.decode()
    assert f"<h1>{NAME}</h1>" in home  # the home's heading is the PETR's name
    assert home.count('<path class="map-c') == 3  # its communautés, drawn
    for tab in ("Santé", "LEADER", "Alimentation"):  # the missions chosen, in the home's tabs
        assert 'href="#mission-' in home and f">{tab}</a>" in home, tab
    assert "Tourisme" not in home
    leader = client.get("/missions/leader/").content.decode()
    assert "À compléter par l'équipe" in leader.replace("&#x27;", "'")
    assert "Rencontrer l'équipe LEADER" in leader.replace("&#x27;", "'")
    assert re.search(r"54\s*</", home)  # « Communes », from the import
    territory = client.get("/territoire/").content.decode()
    assert "Grignan" in territory and "Taulignan" in territory
    page = client.get(f"/territoire/{Commune.objects.get(name='Grignan').slug}/")
    assert page.status_code == 200 and "Enclave des Papes" in page.content.decode()
    assert "Grignan" in client.get("/recherche/?q=grignan").content.decode()
    opendata = client.get("/donnees/communes.csv").content.decode()
    assert "26146" in opendata and opendata.count("\n") == 55  # a header and 54 communes
    assert TerritoryMap.objects.get().petr_path

    first_site = re.compile(r"Trois Vallées|Saint-Mihiel|Meuse")  # the tests' first site
    for path in ("/", "/territoire/", "/le-petr/", "/mentions-legales/", "/donnees/communes.csv"):
        assert not first_site.search(client.get(path).content.decode()), path


@pytest.mark.parametrize(
    ("sirens", "fault", "message"),
    [
        (["200040682"], None, "clé ne correspond pas"),
        (["12345"], None, "9 chiffres"),
        (["200040681", "217400423"], None, "introuvable"),  # a commune's SIREN, not an EPCI
        (SIRENS, lambda api: api.fail(epci_path(SIRENS[1]), status=500), "HTTP 500"),
        (SIRENS, lambda api: api.fail(epci_path(SIRENS[1]), delay=1), "injoignable"),
        (SIRENS, "syndicat", "EPCI à fiscalité propre"),
        (SIRENS, "peche", "Mission inconnue : peche"),
    ],
    ids=[
        "siren-key",
        "siren-length",
        "not-an-epci",
        "api-500",
        "api-timeout",
        "a-syndicate",
        "unknown-mission",
    ],  # fmt: skip
)
def test_bad_input_leaves_the_installation_empty(
    empty_installation, drome_api, sirens, fault, message
):
    missions = ["peche"] if fault == "peche" else []
    if fault == "syndicat":
        drome_api.responses[epci_path(SIRENS[2])]["type"] = "SIVOM"
    elif callable(fault):
        fault(drome_api)
    with pytest.raises(CommandError, match=message) as error:
        new_site(drome_api, *sirens, missions=missions)
    assert "Rien n'a été créé" in str(error.value)
    assert not SeedMark.objects.exists() and not Commune.everywhere.exists()
    assert not Page.objects.filter(depth__gt=1).exists()


def test_a_superuser_creates_the_site_from_the_admin_on_an_empty_installation(
    empty_installation, drome_api, admin_client, settings
):
    settings.TERRITORY_API = {**settings.TERRITORY_API, "BASE_URL": drome_api.url}
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Le site est vide" in dashboard and "/admin/premier-site/" in dashboard
    form = admin_client.get("/admin/premier-site/").content.decode()
    assert "Projet alimentaire territorial" in form  # the catalogue's missions offered

    refused = admin_client.post("/admin/premier-site/", {"name": NAME, "sirens": "200040682"})
    assert refused.status_code == 400 and "clé ne correspond pas" in refused.content.decode()
    assert not SeedMark.objects.exists()

    done = admin_client.post("/admin/premier-site/", {
        "name": NAME, "sirens": "\n".join(SIRENS), "missions": ["mobilite"],
    })  # fmt: skip
    assert done.status_code == 302 and Commune.objects.count() == 54
    assert Page.objects.filter(slug="mobilite").exists()
    assert "Le site est vide" not in admin_client.get("/admin/").content.decode()
    assert admin_client.get("/admin/premier-site/").status_code == 302  # built: never again


def test_only_a_superuser_may_create_the_site(empty_installation, client, django_user_model):
    staff = django_user_model.objects.create_user("equipe", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get("/admin/premier-site/").status_code in (302, 403)
    assert "Le site est vide" not in client.get("/admin/").content.decode()


def test_the_recipe_seeds_nothing_for_a_petr_built_from_its_sirens(empty_installation, drome_api):
    """`STARTER_PACK=aucun deploy/install.sh …` (README, « Déployer pour votre PETR »): the
    install leaves the site empty for `new_site`, and its later runs bring the generic pack's
    additions without touching what was built."""
    out = io.StringIO()
    call_command("seed_site", starter="aucun", stdout=out)
    assert "Installation vide" in out.getvalue() and "new_site" in out.getvalue()
    assert not SeedMark.objects.exists() and not Page.objects.filter(depth__gt=1).exists()

    new_site(drome_api, missions=["sante"])
    Page.objects.get(slug="contact").delete()  # an editor removed it: never seeded again
    SeedMark.objects.filter(key="page.abonnement").delete()  # as if added by an update
    call_command("seed_site", starter="aucun", stdout=io.StringIO())
    assert SeedMark.objects.filter(key="page.abonnement").exists()
    assert not Page.objects.filter(slug="contact").exists()
    assert Commune.objects.count() == 54 and not Page.objects.filter(slug="leader").exists()

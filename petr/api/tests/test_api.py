"""The read-only API: live public content only (never a draft, a private page or a private file),
pagination and filters, clear French errors (400, 404), CORS for GET only, an OpenAPI file."""

import pytest
from wagtail.models import PageViewRestriction

from petr.events.tests.helpers import publish_event
from petr.library.tests.helpers import publish_act, publish_document
from petr.missions.models import MissionPage
from petr.news.tests.helpers import publish_news
from petr.territory.models import Commune

pytestmark = pytest.mark.django_db


def listing(client, name, **params):
    response = client.get(f"/api/v1/{name}", params)
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def titles(body):
    return {item.get("titre") or item.get("nom") for item in body["resultats"]}


def hide(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")


@pytest.mark.parametrize(
    ("name", "publish"),
    [
        ("actualites", lambda title, live: publish_news(1, title=title)[0] if live else None),
        ("evenements", lambda title, live: publish_event(title, 3)),
        ("actes", lambda title, live: publish_act(title, publish=live)),
        ("documents", lambda title, live: publish_document(title, publish=live)),
    ],
)
def test_each_list_shows_live_public_pages_only(client, seeded, name, publish):
    shown = publish("Visible", True)
    if name in ("actes", "documents"):
        publish("Brouillon", False)  # a draft: its file is never given either
    hidden = publish("Protégé", True)
    hide(hidden)
    body = listing(client, name)
    assert "Visible" in titles(body)
    assert not {"Brouillon", "Protégé"} & titles(body)
    item = next(i for i in body["resultats"] if i["titre"] == "Visible")
    assert item["url"] == f"http://testserver{shown.url}"
    if "fichier" in item:
        assert client.get(item["fichier"].removeprefix("http://testserver")).status_code == 200


def test_pages_and_filters(client, seeded):
    leader = MissionPage.objects.get(slug="leader")
    commune = Commune.objects.get(slug="saint-mihiel")
    for index in range(5):
        publish_news(1, title=f"Nouvelle {index}", mission=leader if index % 2 else None,
                     communes=[commune] if index < 2 else [])  # fmt: skip
    first = listing(client, "actualites", par_page=2)
    assert (first["nombre"], first["pages"], len(first["resultats"])) == (5, 3, 2)
    assert first["suivante"].endswith("par_page=2&page=2") and first["precedente"] is None
    assert titles(listing(client, "actualites", mission="leader")) == {"Nouvelle 1", "Nouvelle 3"}
    assert titles(listing(client, "actualites", commune="saint-mihiel")) == {
        "Nouvelle 0",
        "Nouvelle 1",
    }
    assert listing(client, "communes", commune="saint-mihiel")["resultats"][0]["code_insee"] == (
        "55463"
    )
    assert listing(client, "communes")["nombre"] == 123


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("page=10000", 404, "n'existe pas"),
        ("page=0", 400, "commence à 1"),
        ("par_page=1000", 400, "de 1 à 100"),
        ("page=abc", 400, "nombres entiers"),
        ("tri=titre", 400, "Filtre inconnu : tri"),
        ("mission=inconnue", 404, "Mission ou commune inconnue"),
        ("commune=%00", 404, "Mission ou commune inconnue"),
    ],
)
def test_bad_parameters_get_a_french_error_never_a_500(client, seeded, query, status, message):
    response = client.get(f"/api/v1/actualites?{query}")
    assert response.status_code == status and message in response.json()["erreur"]


def test_read_only_cors_and_an_openapi_file(client, seeded):
    preflight = client.options("/api/v1/actualites")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Methods"] == "GET"
    assert client.delete("/api/v1/actualites").status_code in (403, 405)
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/actualites", "/api/v1/lieux", "/api/v1/communes"} <= set(schema["paths"])
    page = client.get("/api/").content.decode()
    assert "/api/v1/openapi.json" in page and "par_page" in page


def test_lists_keep_their_query_count_as_content_grows(client, seeded, query_counts):
    from petr.programmes.tests.test_growth import grow

    urls = [f"/api/v1/{name}?par_page=100" for name in ("actualites", "projets", "lieux")]
    publish_news(2)
    grow(projects=2, actions=2, places=2)
    before = query_counts(urls)
    publish_news(10)
    grow(projects=12, actions=6, places=12, start=10)
    assert query_counts(urls) == before


def test_projects_and_places_never_show_a_draft_or_what_a_private_page_holds(client, seeded):
    from petr.places.models import Place
    from petr.programmes.models import ProjectPage
    from petr.programmes.tests.test_growth import grow

    grow(projects=3, actions=2, places=2)
    draft, hidden, shown = ProjectPage.objects.order_by("pk")[:3]
    draft.unpublish()
    hide(hidden)
    names = titles(listing(client, "projets"))
    assert shown.title in names and not {draft.title, hidden.title} & names
    mobility = MissionPage.objects.get(slug="mobilite")
    assert listing(client, "lieux", mission="mobilite")["nombre"] == Place.objects.filter(
        mission=mobility).count() > 0  # fmt: skip
    hide(mobility)  # a private mission: its places go with it
    assert listing(client, "lieux")["nombre"] == Place.objects.exclude(mission=mobility).count()
    assert client.get("/api/v1/lieux?mission=mobilite").status_code == 404

"""The page cache: served to anonymous visitors only, purged precisely, and never in the way when
the cache is down. Against Redis when REDIS_URL is set (CI), local memory otherwise."""

import gzip

import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from petr.core.models import ContentPage, SiteIdentity
from petr.core.tests.helpers import REDIS_AWAY
from petr.home.models import HomePage
from petr.news.models import NewsIndexPage
from petr.news.tests.helpers import publish_news
from petr.territory.models import DataImport


@pytest.fixture
def page_cache(seeded, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def publishing(django_capture_on_commit_callbacks):
    """Purges run when the transaction commits: run them as the admin's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def state(client, path, **headers):
    response = client.get(path, **headers)
    return response.status_code, response.get("X-Page-Cache")


def test_anonymous_pages_are_stored_then_served_with_etag_and_304(client, page_cache):
    first = client.get("/")
    assert (first.status_code, first["X-Page-Cache"]) == (200, "MISS")
    second = client.get("/")
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "must-revalidate" in second["Cache-Control"]
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert state(client, "/?page=2") == (200, "MISS")  # each query string its own entry


def test_staff_forms_and_excluded_addresses_are_never_served_from_the_cache(client, page_cache):
    client.get("/")
    client.cookies["sessionid"] = "any"
    assert state(client, "/") == (200, None)
    del client.cookies["sessionid"]
    contact = Page.objects.get(slug="contact").url
    client.get(contact)
    assert state(client, contact) == (200, None)  # its form's CSRF token sets a cookie
    client.get("/recherche/?q=mobilite")
    assert state(client, "/recherche/?q=mobilite") == (200, None)
    assert client.post("/", {}).get("X-Page-Cache") is None


def test_a_publication_purges_the_page_its_listings_and_links_not_its_siblings(
    client, page_cache, publishing
):
    (older,) = publish_news(1, title="Ancienne")
    index = NewsIndexPage.objects.get().url
    watched = ["/", index, f"{index}flux/rss/", "/sitemap.xml", older.url, "/territoire/"]
    for path in watched:
        client.get(path)
    assert {path: state(client, path)[1] for path in watched} == dict.fromkeys(watched, "HIT")

    with publishing():
        (news,) = publish_news(1, title="Nouvelle du jour")
    assert state(client, older.url)[1] == "HIT"  # a sibling is untouched
    assert state(client, "/territoire/")[1] == "HIT"
    for path in ["/", index, f"{index}flux/rss/", "/sitemap.xml"]:
        response = client.get(path)
        assert response["X-Page-Cache"] == "MISS", path
        assert b"Nouvelle du jour" in response.content or path == "/sitemap.xml"
    assert news.url.encode() in client.get("/sitemap.xml").content

    client.get(news.url)
    with publishing():
        news.unpublish()
    assert state(client, news.url) == (404, None)
    assert b"Nouvelle du jour" not in client.get(index).content


def test_a_rename_a_move_and_a_deletion_purge_the_old_and_new_addresses(
    client, page_cache, publishing
):
    (news,) = publish_news(1, title="À déplacer")
    old_url = news.url
    client.get(old_url)
    with publishing():
        news.slug = "nouvelle-adresse"
        news.save_revision().publish()
    news.refresh_from_db()
    assert state(client, old_url) == (301, None)  # to the new address (Wagtail redirects)
    assert state(client, news.url) == (200, "MISS")

    home = Page.objects.get(depth=2)
    client.get(home.url)
    with publishing():
        news.move(home, pos="last-child")
    news.refresh_from_db()
    assert state(client, news.url) == (200, "MISS")
    assert state(client, home.url)[1] == "MISS"

    client.get(home.url)
    with publishing():
        news.delete()
    assert state(client, news.url) == (404, None)
    assert state(client, home.url)[1] == "MISS"


def test_a_setting_purges_everything_and_an_import_purges_the_territory_and_open_data(
    client, page_cache, publishing
):
    (news,) = publish_news(1)
    paths = ["/", "/territoire/", "/donnees/communes.csv", news.url]
    for path in paths:
        client.get(path)
    with publishing():
        DataImport.objects.create(source="snapshot", succeeded=True, summary="Rien.", changes={})
    assert [state(client, path)[1] for path in paths] == ["MISS", "MISS", "MISS", "HIT"]

    with publishing():
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.name = "Pays de Démonstration"
        identity.save()
    assert [state(client, path)[1] for path in paths] == ["MISS"] * 4
    assert "Pays de Démonstration".encode() in client.get("/").content


def test_two_sites_on_one_installation_never_purge_each_others_pages(
    client, page_cache, publishing
):
    """A second PETR served by the same installation under its own name, with a page at the
    same address as the first's: each site's publications purge its own pages only."""
    other = Page.get_first_root_node().add_child(instance=HomePage(title="PETR voisin"))
    Site.objects.create(hostname="petr-voisin.example", root_page=other)
    neighbour_news = other.add_child(
        instance=ContentPage(title="Actualités du voisin", slug="actualites")
    )
    first_news = "/actualites/"  # the same address on both sites
    assert NewsIndexPage.objects.get().slug == "actualites"
    second = {"HTTP_HOST": "petr-voisin.example"}
    for headers in ({}, second):
        for path in ("/", first_news):
            client.get(path, **headers)
            assert state(client, path, **headers) == (200, "HIT")
    assert b"Actualit\xc3\xa9s du voisin" in client.get(first_news, **second).content

    with publishing():
        publish_news(1, title="Nouvelle du premier")
    assert [state(client, path)[1] for path in ("/", first_news)] == ["MISS", "MISS"]
    assert [state(client, path, **second)[1] for path in ("/", first_news)] == ["HIT", "HIT"]

    with publishing():
        neighbour_news.title = "Les nouvelles du voisin"
        neighbour_news.save_revision().publish()
    assert [state(client, path, **second)[1] for path in ("/", first_news)] == ["MISS", "MISS"]
    assert [state(client, path)[1] for path in ("/", first_news)] == ["HIT", "HIT"]


def test_with_redis_down_pages_are_served_and_publishing_goes_on(
    client, seeded, settings, publishing, caplog
):
    # Through the `settings` fixture only: mixed with Django's override_settings decorator, its
    # restore order left the closed port in place for the tests that followed.
    settings.CACHES = {
        **REDIS_AWAY,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_AWAY["default"]["LOCATION"],
            "OPTIONS": {"socket_connect_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE_SECONDS = 300
    assert state(client, "/") == (200, None)
    with publishing():
        (news,) = publish_news(1, title="Publiée malgré tout")
    assert news.live
    assert "purge failed" in caplog.text
    health = client.get("/healthz")  # the outage is reported, not hidden, and pages serve
    assert (health.status_code, health.json()["status"]) == (200, "degraded")
    assert "Publiée malgré tout".encode() in client.get("/").content


def test_pages_are_compressed_once_and_served_to_clients_that_accept_it(client, page_cache):
    plain = client.get("/territoire/")
    packed = client.get("/territoire/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert (packed["X-Page-Cache"], packed["Content-Encoding"]) == ("HIT", "gzip")
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 4
    assert "Accept-Encoding" in packed["Vary"] and packed["ETag"].startswith("W/")
    assert client.get("/territoire/", HTTP_ACCEPT_ENCODING="identity").content == plain.content


def test_what_shows_elsewhere_purges_where_it_shows(client, page_cache, publishing):
    """A news item naming a mission purges the mission's page (its side column); a supported
    project purges its programme's page (the LEADER envelope) and its communes' pages."""
    from petr.missions.models import MissionPage
    from petr.programmes.models import ActionPage, ProgrammePage
    from petr.programmes.tests.test_projects import add_project
    from petr.territory.models import Commune

    leader = MissionPage.objects.get(slug="leader")
    programme = ProgrammePage.objects.get(slug="programme-leader-2023-2027")
    action = ActionPage(title="Services de proximité", number="1")
    programme.add_child(instance=action)
    action.save_revision().publish()
    watched = [leader.url, programme.url, "/territoire/woel/", "/territoire/saint-mihiel/"]
    for path in watched:
        client.get(path)
    with publishing():
        publish_news(1, title="Appel à projets LEADER", mission=leader)
        add_project("Épicerie de Woël", communes=[Commune.objects.get(slug="woel")],
                    actions=[action])  # fmt: skip
    assert b"Appel \xc3\xa0 projets LEADER" in client.get(leader.url).content
    assert "Épicerie de Woël".encode() in client.get("/territoire/woel/").content
    assert b"L'enveloppe FEADER" in client.get(programme.url).content  # its first project


def test_news_taken_off_a_commune_or_a_mission_leaves_their_pages(client, page_cache, publishing):
    from petr.missions.models import MissionPage
    from petr.territory.models import Commune

    mobilite = MissionPage.objects.get(slug="mobilite")
    with publishing():
        (news,) = publish_news(
            1, title="Fête du vélo", mission=mobilite,
            communes=[Commune.objects.get(slug="saint-mihiel")],
        )  # fmt: skip
    for path in ("/territoire/saint-mihiel/", mobilite.url):
        assert "Fête du vélo" in client.get(path).content.decode()
    news.communes.set([Commune.objects.get(slug="woel")])
    news.mission = MissionPage.objects.get(slug="leader")
    with publishing():
        news.save_revision().publish()
    for path in ("/territoire/saint-mihiel/", mobilite.url):
        response = client.get(path)
        assert response["X-Page-Cache"] == "MISS", path
        assert "Fête du vélo" not in response.content.decode(), path


def test_news_naming_a_commune_purges_that_commune_page_only(client, page_cache, publishing):
    from petr.territory.models import Commune

    watched = ["/territoire/saint-mihiel/", "/territoire/evres/", "/territoire/"]
    for path in watched:
        client.get(path)
    with publishing():
        publish_news(
            1, title="Fête à Saint-Mihiel", communes=[Commune.objects.get(slug="saint-mihiel")]
        )
    assert state(client, "/territoire/evres/")[1] == "HIT"
    assert state(client, "/territoire/")[1] == "HIT"
    response = client.get("/territoire/saint-mihiel/")
    assert response["X-Page-Cache"] == "MISS" and b"Saint-Mihiel" in response.content

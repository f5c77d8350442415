import re

import pytest
from django.db import connection

from petr.events.tests.helpers import publish_event
from petr.news.tests.helpers import publish_news

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_finds_pages_news_and_events_whatever_the_accents(client, seeded):
    publish_news(1, title="La mobilité douce progresse", intro="Vélo et marche.")
    publish_event("Atelier mobilité à Woël", 5)
    html = results(client, q="mobilite")
    assert "La mobilité douce progresse" in html
    assert "Atelier mobilité à Woël" in html
    assert ">Mobilité<" in html  # the mission page
    assert "Actualités" in html and "Agenda" in html  # each result says its kind


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming is PostgreSQL's")
def test_plurals_match_with_the_french_configuration(client, seeded):
    publish_news(1, title="Nouvelles aires de covoiturage", intro="Trois aires ouvertes.")
    assert "Nouvelles aires de covoiturage" in results(client, q="covoiturages aire")


def test_filter_by_kind(client, seeded):
    publish_news(1, title="Réunion mobilité", intro="Compte rendu.")
    html = results(client, q="mobilité", type="actualites")
    assert "Réunion mobilité" in html and "1 résultat" in html and "dans Actualités" in html


def test_empty_and_no_result_states(client, seeded):
    assert "Saisissez un ou plusieurs mots" in results(client)
    assert "Aucun résultat pour « zzyzx »" in results(client, q="zzyzx")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "a" * 10_000}, "seuls ses 200 premiers caractères"),
        ({"q": "mobilité", "type": "inconnu"}, "Sélectionnez un choix valide"),
        ({"q": "<script>alert(1)</script>"}, "&lt;script&gt;"),
        ({"q": "' OR 1=1 --"}, "Aucun résultat"),
        ({"q": "mobilité & | ! : * ( )"}, "résultat"),
        ({"q": '"mobilité'}, ">Mobilité<"),  # an unbalanced quote
        ({"q": 'a"b "'}, "Rechercher sur le site"),  # places may match a… b…
    ],
)
def test_bad_input_gets_an_answer_not_an_error(client, seeded, params, expected):
    html = results(client, **params)
    assert expected in html and "<script>alert" not in html


@pytest.mark.parametrize("page", ["abc", "0", "999999"])
def test_absurd_result_pages_are_404(client, seeded, page):
    assert client.get("/recherche/", {"q": "mobilité", "page": page}).status_code == 404


def test_result_pages_keep_a_fixed_number_of_queries(seeded, query_counts):
    """Bounded by the number of page types on a result page, never by the number of results."""
    publish_news(2, title="Bilan mobilité")
    urls = ["/recherche/?q=mobilit%C3%A9&type=actualites"]
    before = query_counts(urls)
    publish_news(6, title="Bilan mobilité")
    assert query_counts(urls) == before


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Saint-Mihiel", "/territoire/saint-mihiel/"),
        ("saint mihiel", "/territoire/saint-mihiel/"),
        ("55300", "/territoire/saint-mihiel/"),  # the postcode's most populated commune
        ("55463", "/territoire/saint-mihiel/"),  # its INSEE code
        ("Sammiellois", "/territoire/communautes/cc-du-sammiellois/"),
        ("evres", "/territoire/evres/"),
        ("ÈVRES", "/territoire/evres/"),
    ],
)
def test_places_are_found_first_by_name_postcode_or_code(client, seeded, query, first):
    html = results(client, q=query)
    assert html.index("Communes et communautés de communes") < html.index(f'href="{first}"')
    assert re.search(r'<ul class="search-places__list">\s*<li><a href="([^"]+)"', html)[1] == first


def test_a_commune_named_exactly_leads_to_its_page(client, seeded):
    response = client.get("/recherche/", {"q": "saint-mihiel", "lieu": "on"})
    assert response.status_code == 302 and response["Location"] == "/territoire/saint-mihiel/"
    several = client.get("/recherche/", {"q": "saint", "lieu": "on"})  # many: the list
    assert several.status_code == 200 and "Rupt-devant-Saint-Mihiel" in several.content.decode()


def test_the_search_has_a_breadcrumb_and_never_lists_the_home_page(client, seeded):
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    html = results(client, q=home.title.split()[-1])
    assert 'aria-label="Fil d\'Ariane"' in html
    assert f'href="{home.url}">{home.title}</a>' not in html


def listed_places(html):
    section = html.split('class="search-places__list"')[1].split("</ul>")[0]
    return re.findall(r'<li><a href="([^"]+)"', section)


@pytest.mark.parametrize(("code", "count"), [("55300", 32), ("55160", 27), ("55260", 24)])
def test_a_postcode_lists_every_one_of_its_communes_with_their_count(client, seeded, code, count):
    from petr.territory.models import Commune

    html = results(client, q=code)
    expected = {f"/territoire/{c.slug}/" for c in Commune.objects.all() if code in c.postal_codes}
    assert len(expected) == count  # the snapshot's perimeter
    assert set(listed_places(html)) == expected
    assert f"{count} communes pour « {code} »" in html


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("st mihiel", "/territoire/saint-mihiel/"),  # abbreviation
        ("ST-MIHIEL", "/territoire/saint-mihiel/"),
        ("saint mihel", "/territoire/saint-mihiel/"),  # a letter missing
        ("saitn-mihiel", "/territoire/saint-mihiel/"),  # two swapped
        ("fresne en woevre", "/territoire/fresnes-en-woevre/"),
    ],
)
def test_abbreviations_and_typos_still_find_the_commune(client, seeded, query, first):
    html = results(client, q=query)
    assert listed_places(html)[0] == first


def test_a_typo_is_offered_not_followed_and_nonsense_finds_nothing(client, seeded):
    response = client.get("/recherche/", {"q": "saint mihel", "lieu": "on"})
    html = response.content.decode()
    assert response.status_code == 200 and "Vouliez-vous dire ?" in html
    assert "Aucune commune ne s'écrit « saint mihel »" in html
    assert 'class="search-places' not in results(client, q="zzqxw")


def test_a_search_that_finds_nothing_suggests_a_spelling_from_the_titles(client, seeded):
    publish_news(1, title="La mobilité douce progresse", intro="Vélo et marche.")
    html = results(client, q="mobilte")
    assert 'Vouliez-vous dire <a href="?q=mobilit%C3%A9">mobilité</a>' in html
    assert "Vouliez-vous dire <a" not in results(client, q="zzqxw")


def test_by_name_the_list_is_short_and_links_to_all_of_them(client, seeded):
    html = results(client, q="v")
    assert len(listed_places(html)) == 8
    total = int(re.search(r"Voir les (\d+) résultats", html)[1])
    assert total > 8
    assert 'href="/territoire/?commune=v#communes"' in html


def test_a_common_word_finds_the_mission_whose_keywords_name_it(client, seeded):
    from petr.missions.models import MissionPage

    health = MissionPage.objects.get(slug="contrat-local-de-sante")
    assert health.keywords  # from the starter pack
    html = results(client, q="médecin")
    assert f'href="{health.url}"' in html
    assert f'href="{health.url}"' in results(client, q="medecin")  # without its accent

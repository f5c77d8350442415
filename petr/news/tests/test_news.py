import datetime
import re

import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Page

from petr.core.models import SiteIdentity
from petr.missions.models import MissionPage
from petr.news.models import NewsIndexPage, NewsPage
from petr.territory.models import Commune

from .helpers import make_image, publish_news

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_index_lists_published_news_newest_first_and_paginates(client, seeded):
    publish_news(12)
    draft = NewsPage(title="Brouillon secret", slug="brouillon", intro="Pas encore publié.")
    NewsIndexPage.objects.get().add_child(instance=draft)
    Page.objects.filter(pk=draft.pk).update(live=False)

    html = client.get("/actualites/").content.decode()
    assert "12 actualités" in html
    assert html.index("Actualité 11") < html.index("Actualité 10")
    assert "Brouillon secret" not in html and "Page 1 sur 2" in html
    assert "Actualité 0" in client.get("/actualites/?page=2").content.decode()


def test_pagination_keeps_the_filters(client, seeded):
    publish_news(11, mission=MissionPage.objects.get(slug="mobilite"))
    html = client.get("/actualites/?mission=mobilite&commune=").content.decode()
    assert 'href="?mission=mobilite&amp;commune=&amp;page=2" rel="next"' in html
    html = client.get("/actualites/?mission=mobilite&page=2").content.decode()
    assert 'href="?mission=mobilite&amp;page=1" rel="prev"' in html and "Actualité 0" in html


@pytest.mark.parametrize("page", ["abc", "0", "999999", "-1", "1.5"])
def test_absurd_page_numbers_are_404(client, seeded, page):
    publish_news(3)
    assert client.get(f"/actualites/?page={page}").status_code == 404


def test_filters_by_mission_and_commune(client, seeded):
    mobility = MissionPage.objects.get(slug="mobilite")
    mihiel = Commune.objects.get(slug="saint-mihiel")
    publish_news(1, title="Covoiturage", mission=mobility, communes=[mihiel])
    publish_news(1, title="Vaccination", communes=[Commune.objects.get(slug="woel")])
    html = client.get("/actualites/?mission=mobilite").content.decode()
    assert "Covoiturage" in html and "Vaccination" not in html and "1 actualité" in html
    html = client.get("/actualites/?commune=saint-mihiel").content.decode()
    assert "Covoiturage" in html and "1 actualité" in html
    html = client.get("/actualites/?mission=mobilite&commune=woel").content.decode()
    assert "Aucune actualité ne correspond à ces critères." in html and "Tout afficher" in html
    # only the communes and missions of published news are offered
    options = re.findall(r'<option value="([^"]*)"', client.get("/actualites/").content.decode())
    assert options == ["", "mobilite", "", "saint-mihiel", "woel"]


def test_with_nothing_published_the_index_says_so_without_filters(client, seeded):
    html = client.get("/actualites/").content.decode()
    assert "Aucune actualité n'est publiée pour l'instant." in html
    assert 'class="filters"' not in html and "flux RSS" in html


def test_unknown_filter_is_explained_and_ignored(client, seeded):
    publish_news(2)
    response = client.get("/actualites/?mission=<script>alert(1)</script>&commune=" + "x" * 10000)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Un filtre n'a pas été reconnu" in html and "2 actualités" in html
    assert "Sélectionnez un choix valide" in html
    assert "<script>alert(1)</script>" not in html


def test_card_images_carry_their_alternative_text(client, seeded):
    publish_news(1, image=make_image("Marché de Saint-Mihiel"))
    html = client.get("/actualites/").content.decode()
    assert 'alt="Description de Marché de Saint-Mihiel"' in html


def test_markup_in_fields_is_escaped(client, seeded):
    publish_news(1, title="<em>Titre</em>", intro="<img src=x onerror=alert(1)>")
    html = client.get("/actualites/").content.decode()
    assert "<img src=x" not in html and "&lt;em&gt;Titre&lt;/em&gt;" in html


def test_rss_and_atom_feeds_are_valid_and_absolute(client, seeded):
    publish_news(3)
    rss = ET.fromstring(client.get("/actualites/flux/rss/").content)
    items = rss.findall("./channel/item")
    assert [i.findtext("title") for i in items] == ["Actualité 2", "Actualité 1", "Actualité 0"]
    assert items[0].findtext("link").startswith("http://testserver/actualites/")
    identity = SiteIdentity.objects.get()
    assert rss.findtext("./channel/title") == f"Actualités — {identity.name}"
    atom = ET.fromstring(client.get("/actualites/flux/atom/").content)
    entries = atom.findall(f"{ATOM}entry")
    assert len(entries) == 3 and entries[0].findtext(f"{ATOM}summary") == "Résumé de l'actualité 2."


def test_home_shows_the_latest_news_only_when_there_are_some(client, seeded):
    assert "actualites-titre" not in client.get("/").content.decode()
    publish_news(5)
    html = client.get("/").content.decode()
    assert "Actualité 4" in html and "Actualité 2" in html and "Actualité 1" not in html


def test_news_listings_keep_a_fixed_number_of_queries(seeded, query_counts):
    mobility = MissionPage.objects.get(slug="mobilite")
    publish_news(2, mission=mobility, image=make_image())
    urls = ["/actualites/", "/actualites/?mission=mobilite", "/actualites/flux/rss/", "/"]
    before = query_counts(urls)
    publish_news(6, mission=mobility, image=make_image("Autre"))
    assert query_counts(urls) == before


def test_a_summary_is_required(seeded):
    from django.core.exceptions import ValidationError

    page = NewsPage(title="Sans chapeau", slug="sans-chapeau", date=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="chapeau"):
        page.full_clean()

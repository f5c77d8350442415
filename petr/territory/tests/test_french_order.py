"""Communes in French order everywhere they are listed, on SQLite and PostgreSQL alike: « Èvres »
and « Érize-la-Brûlée » with the E's, not after « Xivray-et-Marvoisin »."""

import re
from html import unescape

from wagtail.models import Page

from petr.core.french.sorting import french_sort_key
from petr.territory.models import Commune
from petr.users.models import User


def in_french_order(names):
    initials = [french_sort_key(name)[0] for name in names]
    return initials == sorted(initials)


def test_the_database_sorts_communes_the_french_way(seeded):
    names = list(Commune.objects.values_list("name", flat=True))
    assert in_french_order(names), names
    assert (
        names.index("Èvres") < names.index("Fresnes-au-Mont") < names.index("Xivray-et-Marvoisin")
    )


def test_public_filter_and_sitemap_list_communes_in_french_order(client, seeded):
    from petr.news.tests.helpers import publish_news

    publish_news(1, communes=list(Commune.objects.all()))  # the filter offers them all
    news = client.get("/actualites/").content.decode()
    options = map(unescape, re.findall(r'<option value="[a-z0-9-]+">([^<]+)</option>', news))
    options = [name for name in options if Commune.objects.filter(name=name).exists()]
    assert len(options) == Commune.objects.count() and in_french_order(options)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.index("/territoire/evres/") < sitemap.index("/territoire/xivray-et-marvoisin/")


def test_editors_tick_communes_grouped_by_communaute(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    index = Page.objects.get(slug="actualites")
    html = client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    legends = re.findall(r'<legend class="w-field__label">([^<]+)</legend>', html)
    assert "CC du Sammiellois" in legends and len(legends) == 4
    assert html.count('type="checkbox" name="communes"') == Commune.objects.count()

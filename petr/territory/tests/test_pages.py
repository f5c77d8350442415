"""« Le territoire », its communauté and commune pages, the open-data files and the admin."""

import csv
import io
import json
import re

import pytest

from petr.territory.models import Commune, DataImport, Epci

from .helpers import add_communes

pytestmark = pytest.mark.django_db
NNBSP = "\u202f"


def svg_of(html):
    return re.search(r"<svg class=\"territory-map__svg\".*?</svg>", html, re.S).group(0)


def test_territory_page_has_a_linked_map_and_the_same_data_as_a_table(client, seeded):
    html = client.get("/territoire/").content.decode()
    svg = svg_of(html)
    assert len(re.findall(r'<a href="/territoire/[a-z0-9-]+/"><title>', svg)) == 123
    assert "<title>Saint-Mihiel (CC du Sammiellois)</title>" in svg
    assert len(svg.encode()) < 100_000
    folds = re.findall(r'<details class="epci-fold">.*?</details>', html, re.S)
    assert len(folds) == 4 and sum(fold.count('<th scope="row">') for fold in folds) == 123
    assert f"25{NNBSP}292" in html and "1" + NNBSP + "599" in html
    assert "millésime 2023" in html and "Licence Ouverte 2.0" in html


@pytest.mark.parametrize(
    ("query", "count", "expected"),
    [
        ("55300", 32, "Saint-Mihiel"),
        ("55160", 27, "27 communes pour"),  # the postcode, not Dompierre's INSEE code
        ("st mihiel", 2, "Rupt-devant-Saint-Mihiel"),
        ("saint mihel", 1, "Aucune commune ne s'écrit"),  # a typo: the nearest names
        ("zzqxw", 0, "Aucune commune ne correspond"),
        ("x" * 5000, 0, "Aucune commune ne correspond"),  # cut, never refused
    ],
)
def test_the_list_of_communes_filters_without_a_script(client, seeded, query, count, expected):
    response = client.get("/territoire/", {"commune": query})
    html = response.content.decode()
    assert response.status_code == 200 and expected in html
    found = re.search(r'<table class="data-table" id="communes-trouvees">.*?</table>', html, re.S)
    assert (found[0].count('<th scope="row">') if found else 0) == count
    assert 'href="/territoire/#communes">Toutes les communes</a>' in html


def test_commune_page_states_its_figures_and_place(client, seeded):
    html = client.get("/territoire/saint-mihiel/").content.decode()
    assert "<h1>Saint-Mihiel</h1>" in html
    assert f"3{NNBSP}772" in html and "Population municipale (2023)" in html
    assert "55300" in html and "55463" in html
    assert 'href="/territoire/communautes/cc-du-sammiellois/"' in html
    svg = svg_of(html)
    assert svg.count('class="map-current"') == 1 and 'role="img"' in svg
    assert ">Situation de Saint-Mihiel dans le PETR</title>" in svg


def test_communaute_page_lists_its_communes_seat_and_website(client, seeded):
    Epci.objects.filter(siren="245500327").update(website="https://www.example.fr/")
    html = client.get("/territoire/communautes/cc-du-sammiellois/").content.decode()
    assert "<h1>CC du Sammiellois</h1>" in html
    assert 'siège est à <a href="/territoire/saint-mihiel/">Saint-Mihiel</a>' in html
    assert 'href="https://www.example.fr/"' in html
    assert html.count('<th scope="row">') == 19
    assert svg_of(html).count('class="map-highlight"') == 1


@pytest.mark.parametrize(
    "url",
    [
        "/territoire/paris/",
        "/territoire/communautes/cc-inconnue/",
        "/territoire/saint-mihiel/extra/",
        "/donnees/communes.xlsx",
        "/donnees/../settings.py",
    ],
)
def test_unknown_addresses_are_clean_404s(client, seeded, url):
    assert client.get(url).status_code == 404


def test_petr_page_links_members_to_their_pages_which_list_the_communes(client, seeded):
    html = client.get("/le-petr/").content.decode()
    assert '<a href="/territoire/communautes/cc-du-sammiellois/">CC du Sammiellois</a>' in html
    assert "/territoire/saint-mihiel/" not in html  # the communes are not repeated here
    epci = client.get("/territoire/communautes/cc-du-sammiellois/").content.decode()
    assert '<a href="/territoire/saint-mihiel/">Saint-Mihiel</a>' in epci


def test_sitemap_lists_every_commune_and_communaute(client, seeded):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/territoire/saint-mihiel/</loc>" in xml
    assert "/territoire/communautes/cc-du-sammiellois/</loc>" in xml
    assert xml.count("/territoire/") == 1 + 4 + 123


URLS = [
    "/territoire/",
    "/territoire/saint-mihiel/",
    "/territoire/communautes/cc-du-sammiellois/",
    "/donnees/communes.csv",
    "/donnees/communes.geojson",
    "/donnees/communautes.csv",
    "/donnees/communautes.geojson",
]


def test_query_counts_do_not_grow_with_the_number_of_communes(seeded, query_counts):
    before = query_counts(URLS)
    add_communes(5)
    assert query_counts(URLS) == before
    assert max(before.values()) <= 18, before


def test_commune_csv_opens_in_a_french_spreadsheet(client, seeded):
    response = client.get("/donnees/communes-tableur.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'rel="describedby"' in response["Link"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # BOM: spreadsheets then read UTF-8
    assert not client.get("/donnees/communes.csv").content.startswith(b"\xef")  # programs
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 123
    assert sum(int(r["population_municipale"]) for r in rows) == 25292
    mihiel = next(r for r in rows if r["code_insee"] == "55463")
    assert mihiel["nom"] == "Saint-Mihiel" and mihiel["epci_nom"] == "CC du Sammiellois"
    assert re.fullmatch(r"\d+,\d\d", mihiel["superficie_ha"])
    assert any(r["nom"] == "Woël" for r in rows)


def test_csv_metadata_describes_the_csv_columns_source_and_licence(client, seeded):
    for name in ("communes", "communautes"):
        header = client.get(f"/donnees/{name}.csv").content.decode("utf-8-sig").splitlines()[0]
        meta = json.loads(client.get(f"/donnees/{name}.csv-metadata.json").content)
        columns = [c["name"] for c in meta["tableSchema"]["columns"]]
        assert header.split(";") == columns
        assert meta["dialect"]["delimiter"] == ";"
        assert meta["dc:rights"] == "Licence Ouverte 2.0"
        assert "millésime 2023" in " ".join(meta["notes"])


def rings(geometry):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [ring for polygon in polygons for ring in polygon]


@pytest.mark.parametrize(("name", "count"), [("communes", 123), ("communautes", 4)])
def test_geojson_is_valid_and_carries_its_provenance(client, seeded, name, count):
    response = client.get(f"/donnees/{name}.geojson")
    assert response["Content-Type"].startswith("application/geo+json")
    document = json.loads(response.content)
    assert document["type"] == "FeatureCollection"
    assert document["metadata"]["licence"] == "Licence Ouverte 2.0"
    assert document["metadata"]["millesime_population"] == 2023
    assert len(document["features"]) == count
    for feature in document["features"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for ring in rings(feature["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1]
            assert all(4.5 < lon < 6.5 and 48.5 < lat < 49.5 for lon, lat in ring)
        props = feature["properties"]
        assert props["nom"] and props["population_municipale"] > 0
        assert props["page"].startswith("http://testserver/territoire/")
    total = sum(f["properties"]["population_municipale"] for f in document["features"])
    assert total == 25292


def test_dashboard_says_in_plain_french_how_fresh_the_data_is(admin_client, seeded):
    html = admin_client.get("/admin/").content.decode()
    assert "Communes et chiffres à jour au" in html and "(population INSEE 2023)" in html
    assert "25292" not in html and "snapshot" not in html  # for staff, not technicians
    DataImport.objects.create(
        source="api", attribution="", succeeded=False, summary="geo.api.gouv.fr injoignable"
    )
    html = admin_client.get("/admin/").content.decode()
    assert "n'a pas abouti" in html and "garde les données précédentes" in html
    history = admin_client.get("/admin/territoire/imports/").content.decode()
    assert "geo.api.gouv.fr injoignable" in history


def test_staff_edit_only_what_no_import_provides(admin_client, seeded):
    epci = Epci.objects.get(siren="245500327")
    foreign = Commune.objects.exclude(epci=epci).first()
    url = f"/admin/territoire/communautes/edit/{epci.pk}/"
    response = admin_client.post(url, {"website": "https://cc.example.fr/", "seat": foreign.pk})
    assert "doit être une commune de la communauté" in response.content.decode()
    epci.refresh_from_db()
    assert epci.website == "" and epci.seat.name == "Saint-Mihiel"
    response = admin_client.post(url, {"website": "cc.example.fr", "seat": epci.seat.pk})
    assert response.status_code == 302
    epci.refresh_from_db()
    assert epci.website == "https://cc.example.fr"
    assert admin_client.get("/admin/territoire/communautes/new/").status_code == 302
    assert admin_client.get(f"/admin/territoire/communes/edit/{foreign.pk}/").status_code == 302


def test_the_map_tag_highlights_any_communes_for_other_apps(
    rf, seeded, django_assert_max_num_queries
):
    from django.template import engines

    template = engines["django"].from_string(
        '{% load territory_map %}{% territory_map "Communes du projet" caption="Deux communes" '
        'highlight=communes colouring="muted" %}'
    )
    communes = list(Commune.objects.filter(slug__in=["saint-mihiel", "woel"]))
    with django_assert_max_num_queries(6):  # territory page and its URL, map, communautés, communes
        svg = svg_of(template.render({"communes": communes}, rf.get("/")))
    assert svg.count('class="map-current"') == 2
    assert svg.count('class="map-muted"') == 121 and "map-c0" not in svg
    assert 'role="img"' in svg and ">Communes du projet</title>" in svg

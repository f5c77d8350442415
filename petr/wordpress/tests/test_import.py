"""`manage.py import_wordpress` on the fixture export (WXR) and on a local server answering like the
REST API: what lands, every old address redirected, a second run changing nothing, staff edits
kept, an interrupted import resumed, and each bad input told in French."""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision, Site

from petr.core.models import ContentPage, CustomImage
from petr.library.models import DocumentPage
from petr.missions.models import MissionPage
from petr.news.models import NewsPage
from petr.wordpress import importer
from petr.wordpress.models import ImportedItem
from petr.wordpress.sources import RestSource

from .helpers import OLD, WXR, import_fixture, import_wordpress
from .wp_server import WordPressServer


@pytest.fixture
def wordpress(settings):
    settings.WORDPRESS_IMPORT = {**settings.WORDPRESS_IMPORT, "TIMEOUT": 0.3, "BACKOFF": 0}
    server = WordPressServer()
    yield server
    server.close()


def addresses(tmp_path):
    with (tmp_path / "adresses.csv").open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def test_the_fixture_site_lands_whole(seeded, tmp_path, client):
    categories = tmp_path / "categories.yaml"
    categories.write_text("mobilite: mobilite\nsante: contrat-local-de-sante\n", encoding="utf-8")
    out = import_fixture(tmp_path, "--categories", str(categories))

    assert "Articles : 4 créés, 1 ignoré (non publié)." in out
    assert "Pages : 4 créées." in out
    assert "Images : 3 créées, 1 non importée." in out
    assert "Documents : 1 créé." in out
    velo = NewsPage.objects.get(slug="velo-assistance-electrique")
    assert velo.live and velo.mission.slug == "mobilite"
    assert velo.intro.startswith("Vingt vélos") and str(velo.date) == "2024-05-02"
    assert velo.first_published_at.isoformat() == "2024-05-02T08:30:00+00:00"
    assert velo.image.description == "Vélos en libre-service devant la gare"
    kinds = [block.block_type for block in velo.body]
    assert kinds == ["paragraph", "heading", "image", "paragraph", "quote", "table", "paragraph"]
    html = client.get(velo.url).content.decode()
    for dropped in ("track()", "steal()", "color:#c00", "document.write", "<script>suivi"):
        assert dropped not in html
    elus = Page.objects.get(slug="qui-sommes-nous").url
    assert f'<a href="{elus}">qui nous sommes</a>' in html  # an internal link, rewritten
    assert 'href="/documents-du-petr/plan-mobilite/"' in html  # a link to the PDF
    assert "<caption>Vélos par commune</caption>" in html
    assert "https://www.youtube.com/watch?v=exemple</a>" in html  # an embed, as a link

    assert Page.objects.get(slug="historique").url == "/qui-sommes-nous/les-elus/historique/"
    assert (
        NewsPage.objects.get(slug="assemblee-generale")
        .body[0]
        .value.source.startswith("<p>Le Comité s")
    )  # the byte that was not UTF-8
    gallery = NewsPage.objects.get(slug="atelier-sante")
    assert [b.block_type for b in gallery.body] == ["paragraph", "image", "image"]
    assert gallery.mission.slug == "contrat-local-de-sante"
    long = NewsPage.objects.get(slug="velo-assistance-electrique-2")  # a duplicate slug
    assert len(long.title) <= 255
    document = DocumentPage.objects.get(slug="plan-mobilite")
    assert document.live and document.file_size > 0
    assert not CustomImage.objects.filter(title="Affiche").exists()  # an HTML page named .jpg

    for message in (
        "pas-une-image.jpg n'est pas l'image que son nom annonce",
        "Code court [contact-form-7] retiré",
        "Image introuvable, non reprise : https://ancien.petr-exemple.fr/wp-content/uploads/2019",
        "Élément <script> retiré",
        "Mise en page Elementor",
        "Titre de 2015 caractères raccourci à 255.",
        "Adresse « mentions-legales » déjà prise : « mentions-legales-2 »",
        "Lien interne sans page importée : https://ancien.petr-exemple.fr/page-disparue/",
        "octets non UTF-8, lus en Windows-1252",
    ):
        assert message in out


def test_every_old_address_answers_a_permanent_redirect(seeded, tmp_path, client):
    import_fixture(tmp_path)
    rows = addresses(tmp_path)
    assert len(rows) >= 30
    unmapped = [row for row in rows if not row["nouvelle_adresse"]]
    assert {row["ancienne_adresse"] for row in unmapped} >= {
        f"{OLD}/wp-content/uploads/2023/11/pas-une-image.jpg"
    }  # listed, with no new address
    for row in [row for row in rows if row["nouvelle_adresse"]]:
        old = urlsplit(row["ancienne_adresse"])
        response = client.get(old.path + (f"?{old.query}" if old.query else ""))
        if old.path == row["nouvelle_adresse"]:  # imported at the very same address
            assert response.status_code == 200, row
        else:
            assert response.status_code == 301, row
            assert response["Location"] == row["nouvelle_adresse"], row
    for row in rows:  # each new address answers
        if row["nature"] != "image" and row["nouvelle_adresse"]:
            assert client.get(row["nouvelle_adresse"]).status_code == 200, row
    assert client.get("/?p=999").status_code == 200  # an unknown id: the home page, as before


def test_a_second_run_changes_nothing(seeded, tmp_path):
    import_fixture(tmp_path)
    counts = (Page.objects.count(), Revision.objects.count(), Redirect.objects.count(),
              CustomImage.objects.count())  # fmt: skip
    out = import_fixture(tmp_path)
    assert "Articles : 4 inchangés" in out and "Pages : 4 inchangées." in out
    assert "Images : 3 inchangées, 1 non importée." in out and "Documents : 1 inchangé." in out
    assert "créé" not in out.split("Redirections")[0]
    assert (Page.objects.count(), Revision.objects.count(), Redirect.objects.count(),
            CustomImage.objects.count()) == counts  # fmt: skip


def test_a_change_at_the_source_updates_but_staff_edits_are_kept(seeded, tmp_path):
    import_fixture(tmp_path)
    edited = NewsPage.objects.get(slug="atelier-sante")
    edited.title = "Atelier santé : retour en images (corrigé)"
    edited.save_revision().publish()
    image = CustomImage.objects.get(title="Atelier santé 1")
    image.description = "Six participants autour d'une table"
    image.save()
    Page.objects.get(slug="mentions-legales-2").delete()  # the old site's: not wanted
    changed = WXR.read_bytes().replace(b"Merci aux participants", b"Merci aux 40 participants")
    changed = changed.replace(b"Le conseil syndical compte 30", b"Le conseil syndical compte 32")
    changed = changed.replace(b"Participants \xc3\xa0 l'atelier", b"Atelier : les participants")
    (tmp_path / "site.wxr").write_bytes(changed)

    out = import_wordpress(
        "--wxr", str(tmp_path / "site.wxr"), "--uploads", str(WXR.parent / "uploads"),
        "--csv", str(tmp_path / "a.csv"), "--no-input",
    )  # fmt: skip
    assert "Articles : 3 inchangés, 1 conservé (modifié depuis par l'équipe)" in out
    assert "Pages : 1 mise à jour, 2 inchangées, 1 conservée (modifiée depuis par l'équipe)." in out
    assert not Page.objects.filter(slug__startswith="mentions-legales-").exists()
    assert "Images : 2 inchangées, 1 conservée" in out
    assert NewsPage.objects.get(pk=edited.pk).title.endswith("(corrigé)")
    assert "32 délégués" in str(ContentPage.objects.get(slug="les-elus").body)
    assert CustomImage.objects.get(pk=image.pk).description == "Six participants autour d'une table"


def test_a_dry_run_says_what_would_change_and_writes_nothing(seeded, tmp_path):
    before = (Page.objects.count(), Redirect.objects.count(), CustomImage.objects.count())
    out = import_fixture(tmp_path, "--dry-run")
    assert "Articles : 4 créés, 1 ignoré (non publié)." in out
    assert "Simulation : rien n'a été écrit." in out
    assert (Page.objects.count(), Redirect.objects.count(), CustomImage.objects.count()) == before
    assert not ImportedItem.objects.exists()


def test_an_import_stopped_half_way_resumes_without_duplicates(seeded, tmp_path, monkeypatch):
    fill = importer.Importer.fill
    filled = []

    def crash_after_two(self, item):
        if len(filled) == 2:
            raise KeyboardInterrupt  # the operator's Ctrl-C, or a lost connection
        filled.append(item.wp_id)
        fill(self, item)

    monkeypatch.setattr(importer.Importer, "fill", crash_after_two)
    with pytest.raises(KeyboardInterrupt):
        import_fixture(tmp_path)
    monkeypatch.setattr(importer.Importer, "fill", fill)
    out = import_fixture(tmp_path)
    assert "Pages : 2 créées, 2 inchangées." in out  # the two filled before the stop
    for slug in ("qui-sommes-nous", "velo-assistance-electrique", "atelier-sante"):
        assert Page.objects.filter(slug=slug).count() == 1
        assert Page.objects.get(slug=slug).live
    assert ImportedItem.objects.count() == 4 + 4 + 3 + 1


def test_the_rest_api_is_read_page_by_page_despite_a_rate_limit(seeded, tmp_path, wordpress,
                                                                 monkeypatch):  # fmt: skip
    monkeypatch.setattr(RestSource, "PER_PAGE", 2)  # five posts: three pages
    wordpress.fail("/wp-json/wp/v2/posts?", status=429, headers={"Retry-After": "0"}, times=1)
    wordpress.latin1_route = "posts"
    out = import_wordpress("--url", wordpress.url, "--csv", str(tmp_path / "a.csv"), "--no-input")
    posts = [p for p in wordpress.requests if p.startswith("/wp-json/wp/v2/posts")]
    assert len(posts) == 4  # the refused one, then pages 1 to 3
    assert "Articles : 5 créés." in out and "Pages : 3 créées." in out
    assert "Images : 3 créées." in out
    assert "Documents : 1 créé, 1 non importé." in out and "plus de 50 Mo" in out
    assert "octets non UTF-8" in out
    assert NewsPage.objects.get(slug="assemblee").body[0].value.source == (
        "<p>Le Comité s’est réuni.</p>"
    )
    velo = NewsPage.objects.get(slug="velo")
    assert velo.intro == "Vingt vélos…" and velo.image.title == "Vélos devant la gare"
    assert [b.block_type for b in velo.body] == ["paragraph", "image"]  # a resized copy's image
    assert velo.mission is None and "Catégories sans mission" in out
    assert Page.objects.get(slug="historique").url == "/qui-sommes-nous/les-elus/historique/"
    assert NewsPage.objects.get(slug="bilan").title == "Bilan de l’année"
    again = import_wordpress("--url", wordpress.url, "--csv", str(tmp_path / "b.csv"), "--no-input")
    assert "Articles : 5 inchangés." in again


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ({"status": 500}, "a répondu HTTP 500"),
        ({"status": 200, "delay": 0.6}, "injoignable après plusieurs essais"),
        ({"status": 200, "body": b"<html>"}, "n'a pas renvoyé de JSON"),
        ({"status": 429, "headers": {"Retry-After": "0"}}, "limite le nombre de requêtes"),
    ],
)
def test_an_api_that_fails_is_told_and_nothing_is_written(seeded, wordpress, settings, fault,
                                                          message):  # fmt: skip
    settings.WORDPRESS_IMPORT = {**settings.WORDPRESS_IMPORT, "RETRIES": 1}
    wordpress.fail("/wp-json/wp/v2/pages", **fault)
    with pytest.raises(CommandError, match=message):
        import_wordpress("--url", wordpress.url, "--no-input")
    assert not ImportedItem.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda wxr: wxr[: len(wxr) // 2], "Fichier WXR incomplet ou mal formé (ligne"),
        (
            lambda wxr: b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>',
            "il déclare des entités",
        ),
        (lambda wxr: b"<rss><channel></channel></rss>", "pas un export WordPress"),
    ],
)
def test_a_bad_export_file_is_refused_in_french(seeded, tmp_path, content, message):
    bad = tmp_path / "bad.wxr"
    bad.write_bytes(content(WXR.read_bytes()))
    with pytest.raises(CommandError, match=re.escape(message)):
        import_wordpress("--wxr", str(bad), "--no-input")
    assert not ImportedItem.objects.exists()


def test_a_category_file_naming_an_unknown_mission_is_refused(seeded, tmp_path):
    categories = tmp_path / "categories.yaml"
    categories.write_text("mobilite: velo\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"Missions inconnues : velo\. Les missions du site :"):
        import_fixture(tmp_path, "--categories", str(categories))


def test_old_addresses_already_redirected_elsewhere_are_kept(seeded, tmp_path):
    Redirect.objects.create(
        old_path="/2023/12/assemblee-generale", site=Site.objects.get(is_default_site=True),
        redirect_link="https://exemple.fr/ag",
    )  # fmt: skip
    out = import_fixture(tmp_path)
    assert "Une redirection existait déjà vers https://exemple.fr/ag : conservée." in out
    assert Redirect.objects.get(old_path="/2023/12/assemblee-generale").redirect_link == (
        "https://exemple.fr/ag"
    )
    assert OLD in out


def test_categories_are_asked_for_on_a_terminal(seeded, tmp_path, monkeypatch):
    answers = io.StringIO("4\n\nbof\n1\n")  # mobilite → 4th, sante → none, vie-du-petr → 1st

    monkeypatch.setattr("sys.stdin", answers)
    monkeypatch.setattr(answers, "isatty", lambda: True, raising=False)
    out = import_wordpress(
        "--wxr", str(WXR), "--uploads", str(WXR.parent / "uploads"),
        "--csv", str(tmp_path / "a.csv"),
    )  # fmt: skip
    missions = list(MissionPage.objects.live().order_by("path"))
    assert "Tapez un numéro de 1 à 4, ou Entrée." in out
    assert NewsPage.objects.get(slug="velo-assistance-electrique").mission == missions[3]
    assert NewsPage.objects.get(slug="atelier-sante").mission is None
    assert NewsPage.objects.get(slug="assemblee-generale").mission == missions[0]

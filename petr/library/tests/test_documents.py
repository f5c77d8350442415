import os
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from petr.library.models import DocumentPage
from petr.missions.models import MissionPage

from .helpers import DOCUMENT_PDF, PDF, pdf, publish_document

pytestmark = pytest.mark.django_db


def test_download_links_state_format_and_size(client, seeded):
    doc = publish_document()
    size_kb = round(len(DOCUMENT_PDF) / 1024)
    for url in ("/documents-du-petr/", doc.url):
        html = client.get(url).content.decode()
        assert f"(PDF – {size_kb}\u00a0Ko)" in html


def test_unpublished_documents_are_not_reachable(client, seeded):
    doc = publish_document()
    response = client.get(f"{doc.url}fichier/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCUMENT_PDF
    draft = publish_document("Étude confidentielle", publish=False, slug="etude")
    assert client.get("/documents-du-petr/etude/fichier/").status_code == 404
    Page.objects.get(pk=doc.pk).specific.unpublish()
    assert client.get(f"{doc.url}fichier/").status_code == 404
    assert "Étude confidentielle" not in client.get("/documents-du-petr/").content.decode()
    assert draft.file.url.startswith("/non-public/")  # outside MEDIA_URL: no direct link


def test_filters_by_type_mission_and_year(client, seeded):
    health = MissionPage.objects.get(slug="contrat-local-de-sante")
    publish_document("Contrat local de santé", mission=health)
    publish_document("Étude mobilité", doc_type=DocumentPage.Type.ETUDE, year=2021)
    html = client.get("/documents-du-petr/", {"doc_type": "etude"}).content.decode()
    assert "Étude mobilité" in html and "Contrat local de santé</a>" not in html
    html = client.get("/documents-du-petr/", {"mission": "contrat-local-de-sante"}).content.decode()
    assert "Contrat local de santé</a>" in html and "Étude mobilité" not in html
    html = client.get("/documents-du-petr/", {"year": "2021"}).content.decode()
    assert "Étude mobilité" in html and "1 document" in html
    html = client.get("/documents-du-petr/", {"year": "abc", "doc_type": "x"}).content.decode()
    assert "Un filtre n'a pas été reconnu" in html and "2 documents" in html


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf(b"MZ\x90\x00", "rapport.pdf"), "n'est pas un PDF"),
        (lambda: pdf(b"%PDF-1.7", "rapport.docx"), "n'est pas un DOCX"),
        (lambda: pdf(b"MZ\x90\x00", "virus.exe"), "Format non accepté"),
        (lambda: pdf(b"PK\x03\x04" + b"0" * (50 * 1024 * 1024), "gros.xlsx"), "50 Mo"),
    ],
    ids=["fake-pdf", "fake-docx", "executable", "oversized"],
)
def test_files_that_are_not_what_they_claim_are_refused(seeded, upload, message):
    with pytest.raises(ValidationError, match=message):
        publish_document(file=upload())


def test_document_listing_keeps_a_fixed_number_of_queries(seeded, query_counts):
    health = MissionPage.objects.get(slug="contrat-local-de-sante")
    publish_document(mission=health)
    before = query_counts(["/documents-du-petr/"])
    for _ in range(5):
        publish_document(mission=health, file=pdf())
    assert query_counts(["/documents-du-petr/"]) == before


def test_a_file_chosen_in_a_form_sent_back_for_another_error_is_kept(admin_client, seeded):
    import re

    from wagtail.models import Page
    from wagtail.test.utils.form_data import nested_form_data

    from petr.library.forms import PENDING

    from .helpers import PDF, pdf

    parent = Page.objects.get(slug="documents-du-petr")
    url = f"/admin/pages/add/library/documentpage/{parent.pk}/"
    fields = {"title": "", "slug": "rapport-2026", "intro": "", "doc_type": "rapport",
              "year": "2026", "mission": "", "action-publish": "publish"}  # fmt: skip
    content = PDF * 50
    sent_back = admin_client.post(url, {**nested_form_data(fields), "file": pdf(content, "r.pdf")})
    html = sent_back.content.decode()
    assert sent_back.status_code == 200 and "Fichier reçu : <strong>r.pdf</strong>" in html
    assert not re.search(r'<input type="file" name="file"[^>]*required', html)  # may stay empty
    reference = re.search(r'name="file_kept" value="([^"]+)"', html).group(1)

    forged = admin_client.post(url, {**nested_form_data({**fields, "title": "Rapport"}),
                                     "file_kept": reference + "x"})  # fmt: skip
    assert forged.status_code == 200  # no file: refused, nothing created
    done = admin_client.post(url, {**nested_form_data({**fields, "title": "Rapport"}),
                                   "file_kept": reference})  # fmt: skip
    assert done.status_code == 302
    page = DocumentPage.objects.get(slug="rapport-2026")
    assert page.file.read() == content and page.file_size == len(content)
    assert not any(PENDING.glob("*/r.pdf"))  # the waiting copy is gone


def test_copies_never_sent_again_are_deleted_after_a_day():
    from petr.library.forms import KEPT_SECONDS, PENDING, keep

    abandoned = Path(keep(pdf(name="vieux.pdf")).rsplit(":", 2)[0]).parent
    recent = Path(keep(pdf(name="recent.pdf")).rsplit(":", 2)[0]).parent
    old = time.time() - KEPT_SECONDS - 60
    os.utime(abandoned, (old, old))
    keep(pdf(name="nouveau.pdf"))
    assert not abandoned.exists() and recent.exists() and recent.parent == PENDING


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("note.pdf", b"<html><body>%PDF-1.4 <script>alert(1)</script></body></html>"),
        ("image.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><!-- %PDF-1.4 --></svg>'),
    ],
)
def test_the_admin_document_library_checks_what_a_file_is(admin_client, seeded, name, content):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        "/admin/documents/add/", {"title": "Note", "file": pdf(content, name), "collection": 1}
    )
    assert response.status_code == 200 and "n&#x27;est pas un PDF" in response.content.decode()
    assert not get_document_model().objects.exists()
    added = admin_client.post(
        "/admin/documents/add/", {"title": "Note", "file": pdf(PDF, "note.pdf"), "collection": 1}
    )
    assert added.status_code == 302 and get_document_model().objects.count() == 1


def test_the_document_library_keeps_a_file_chosen_before_another_error(admin_client, seeded):
    import re

    from wagtail.documents import get_document_model

    sent_back = admin_client.post(
        "/admin/documents/add/", {"title": "", "file": pdf(PDF, "rapport.pdf"), "collection": 1}
    )
    html = sent_back.content.decode()
    assert sent_back.status_code == 200 and "Fichier reçu : <strong>rapport.pdf</strong>" in html
    reference = re.search(r'name="file_kept" value="([^"]+)"', html).group(1)
    forged = admin_client.post("/admin/documents/add/", {
        "title": "Rapport", "collection": 1, "file_kept": reference + "x"})  # fmt: skip
    assert forged.status_code == 200 and not get_document_model().objects.exists()
    added = admin_client.post("/admin/documents/add/", {
        "title": "Rapport", "collection": 1, "file_kept": reference})  # fmt: skip
    assert added.status_code == 302
    assert get_document_model().objects.get().file.read() == PDF  # the same bytes, once

import datetime
import hashlib

import pytest
from defusedxml import ElementTree as ET
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from petr.library.models import ActPage

from .helpers import PDF, make_pdf, meeting, pdf, publish_act

pytestmark = pytest.mark.django_db


def test_an_act_states_everything_the_law_asks(client, seeded):
    before = timezone.now()
    act = publish_act(meeting=meeting())
    assert before <= act.put_online_at <= timezone.now()  # recorded by the site
    assert act.sha256 == hashlib.sha256(PDF).hexdigest()
    html = client.get(act.url).content.decode()
    for text in (
        "Délibération n°&nbsp;2026-001",
        "Adoption du budget primitif 2027",
        "8 décembre 2026",
        "Conseil syndical du 8 décembre 2026",
        "Marie Dupont, Présidente du PETR",
        "Mis en ligne le",
        act.sha256,
        "(PDF – 1\u00a0Ko)",
    ):
        assert text in html, text


def test_the_file_is_served_only_through_the_live_act(client, seeded):
    act = publish_act()
    response = client.get(f"{act.url}fichier/")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert not act.file.url.startswith(settings.MEDIA_URL)  # never in the public media
    draft = publish_act("Projet non publié", publish=False)
    assert client.get(f"/actes/{draft.slug}/fichier/").status_code == 404
    assert client.get(f"/actes/{draft.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf(b"MZ\x90\x00 not a pdf", "acte.pdf"), "n'est pas un PDF"),
        (lambda: pdf(b"<html>hello</html>", "acte.pdf"), "n'est pas un PDF"),
        (lambda: pdf(b"%PDF-1.4" + b"0" * (20 * 1024 * 1024), "gros.pdf"), "20 Mo"),
        (lambda: pdf(PDF, "acte.docx"), "Format non accepté"),
    ],
    ids=["executable", "html", "oversized", "wrong-extension"],
)
def test_uploads_that_are_not_what_they_claim_are_refused(seeded, upload, message):
    with pytest.raises(ValidationError, match=message):
        publish_act(file=upload())
    assert ActPage.objects.count() == 0


def test_an_online_act_cannot_be_replaced_silently(seeded):
    act = publish_act()
    original = (act.file.name, act.sha256, act.put_online_at)
    act.file = pdf(make_pdf("autre contenu"), "autre.pdf")
    with pytest.raises(ValidationError, match="acte rectificatif"):
        act.full_clean()
    with pytest.raises(ValidationError):
        act.save_revision().publish()  # even a revision cannot swap it
    act = ActPage.objects.get(pk=act.pk)
    assert (act.file.name, act.sha256, act.put_online_at) == original


def test_a_correction_is_a_new_linked_act_and_history_stays(client, seeded):
    first = publish_act()
    correction = publish_act("Rectification du budget", corrects=first)
    html = client.get(first.url).content.decode()
    assert "Cet acte a été rectifié" in html and correction.url in html
    assert first.url in client.get(correction.url).content.decode()
    assert client.get(first.url).status_code == 200  # the corrected act stays online


def test_register_lists_by_year_kind_and_meeting(client, seeded):
    december = meeting()
    publish_act("Budget", meeting=december)
    publish_act(
        "Arrêté de voirie", kind=ActPage.Kind.ARRETE, decision_date=datetime.date(2025, 3, 1)
    )
    html = client.get("/actes/", {"year": 2025}).content.decode()
    assert "Arrêté de voirie" in html and "Budget" not in html
    html = client.get("/actes/", {"kind": "deliberation"}).content.decode()
    assert "Budget" in html and "Arrêté de voirie" not in html
    html = client.get(f"/actes/seances/{december.pk}/").content.decode()
    assert "Conseil syndical du 8 décembre 2026" in html and "Budget" in html
    assert "Arrêté de voirie" not in html


@pytest.mark.parametrize(
    "url",
    ["/actes/seances/999999/", "/actes/?page=abc", "/actes/?page=999999", "/actes/seances/abc/"],
)
def test_unknown_meetings_and_pages_are_404(client, seeded, url):
    publish_act()
    assert client.get(url).status_code == 404


def test_unknown_filters_are_explained(client, seeded):
    publish_act()
    html = client.get("/actes/", {"kind": "<b>loi</b>", "year": "abc"}).content.decode()
    assert "Un filtre n'a pas été reconnu" in html and "1 acte" in html and "<b>loi" not in html


def test_rss_feed_lists_acts_with_their_fingerprint(client, seeded):
    act = publish_act()
    rss = ET.fromstring(client.get("/actes/flux/rss/").content)
    item = rss.find("./channel/item")
    assert item.findtext("title") == "Délibération n° 2026-001 — Adoption du budget primitif 2027"
    assert act.sha256 in item.findtext("description")


def test_search_finds_acts(client, seeded):
    publish_act("Création du service de covoiturage")
    html = client.get("/recherche/", {"q": "covoiturage", "type": "actes"}).content.decode()
    assert "Création du service de covoiturage" in html


def test_register_keeps_a_fixed_number_of_queries(seeded, query_counts):
    december = meeting()
    publish_act(meeting=december)
    urls = ["/actes/", f"/actes/seances/{december.pk}/", "/actes/flux/rss/"]
    before = query_counts(urls)
    first = publish_act(meeting=december)
    publish_act("Rectification", meeting=december, corrects=first)
    for _ in range(4):
        publish_act(meeting=december)
    assert query_counts(urls) == before


def test_a_scheduled_act_goes_online_at_its_time_and_records_it(client, seeded):
    from petr.core.tests.helpers import pass_the_time

    act = publish_act(publish=False)
    act.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    act.save_revision().publish()
    act.refresh_from_db()
    assert not act.live and act.put_online_at is None
    pass_the_time(act)
    moment = timezone.now()
    assert client.get(act.url).status_code == 200
    act.refresh_from_db()
    assert act.live and act.put_online_at >= moment


def test_the_admin_links_the_file_where_the_public_gets_it_and_locks_an_online_act(
    admin_client, seeded
):
    act = publish_act()
    html = admin_client.get(f"/admin/pages/{act.pk}/edit/").content.decode()
    assert f'href="{act.url}fichier/"' in html and "/non-public/" not in html
    assert "ne peut plus être remplacé" in html and 'type="file" name="file"' not in html
    draft = publish_act(publish=False)
    html = admin_client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "accessible une fois la page publiée" in html and 'type="file" name="file"' in html


def test_a_seance_is_held_by_a_body_chosen_from_the_seeded_list(admin_client, seeded):
    from petr.core.starter import StarterPack
    from petr.library.models import Body, Meeting

    seeded_names = StarterPack(settings.STARTER_PACK).get("site.bodies")
    assert [b.name for b in Body.objects.all()] == seeded_names
    url = "/admin/snippets/library/meeting/add/"
    form = admin_client.get(url).content.decode()
    assert "Choisissez l&#x27;instance" in form and "/admin/snippets/library/body/" in form
    refused = admin_client.post(url, {"body": "", "date": "05/12/2026"})
    assert refused.status_code == 200 and "Champ requis" in refused.content.decode()
    bureau = Body.objects.get(name="Bureau")
    assert admin_client.post(url, {"body": bureau.pk, "date": "05/12/2026"}).status_code == 302
    assert str(Meeting.objects.get()) == "Bureau du 5 décembre 2026"
    renamed = {"name": "Bureau syndical", "order": "1"}
    edit = f"/admin/snippets/library/body/edit/{bureau.pk}/"
    assert admin_client.post(edit, renamed).status_code == 302
    assert str(Meeting.objects.get()) == "Bureau syndical du 5 décembre 2026"  # named once

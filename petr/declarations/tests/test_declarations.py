"""A holder declares a project and gets, on the spot, a numbered and fingerprinted receipt, as a
page and as a PDF anyone can check on the site; bad input is explained next to its field and
loses nothing typed; the e-mails leave from the worker, even after the mail server was down."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from petr.declarations.models import Declaration, DeclarationSettings
from petr.declarations.tests.helpers import (
    LA_POSTE_SIRET,
    VALID_SIRET,
    declaration_page,
    fields,
    post,
    token,
)
from petr.library.tests.helpers import PDF
from petr.territory.models import Commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(seeded):
    return declaration_page()


def receipt_of(client, response):
    assert response.status_code == 302, re.findall(r'field-error"[^>]*>([^<]+)', response.text)
    return client.get(response.url)


def test_a_holder_gets_a_numbered_receipt_and_its_pdf(client, page):
    response = post(client)
    declaration = Declaration.objects.get()
    year = timezone.localdate().year
    assert declaration.number == f"DI-{year}-0001" and declaration.status == "recue"
    assert response.url == f"{page.url}accuse/{declaration.receipt_token}/"
    assert len(declaration.receipt_token) >= 40  # unguessable
    html = receipt_of(client, response).text
    assert f"DI-{year}-0001" in html and declaration.digest in html and "Reçue" in html
    assert "18\u202f000,50 €" in html and "ne vaut ni promesse ni attribution" in html
    pdf = client.get(f"{response.url}pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf["Cache-Control"] == "private, no-store"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    received = timezone.localtime(declaration.created_at)
    assert f"DI-{year}-0001" in text and declaration.digest in text
    assert f"{received:%H:%M:%S}" in text and "heure de Paris" in text
    assert "Atelier de jus de pommes itinérant" in text and "Saint-Mihiel (55463)" in text
    second = post(client)  # another form, another holder's click: the next number
    assert receipt_of(client, second).status_code == 200
    assert Declaration.objects.order_by("sequence").last().number == f"DI-{year}-0002"


def test_a_receipt_is_checked_on_the_site_and_an_altered_one_refused(client, page):
    post(client)
    declaration = Declaration.objects.get()
    verify = f"{page.url}verifier/"
    valid = client.get(verify, {"numero": declaration.number, "empreinte": declaration.digest})
    assert "Cet accusé de réception est authentique" in valid.text
    assert "Atelier de jus de pommes itinérant" in valid.text
    altered = declaration.digest[:-1] + ("0" if declaration.digest[-1] != "0" else "1")
    for number, digest in ((declaration.number, altered), ("DI-2020-0001", declaration.digest)):
        refused = client.get(verify, {"numero": number, "empreinte": digest})
        assert "Aucun accusé de réception ne correspond" in refused.text


def test_the_fingerprint_is_of_what_was_received(page, client):
    from petr.declarations.forms import digest

    post(client)
    declaration = Declaration.objects.get()
    assert declaration.digest == digest(declaration.received)
    assert declaration.received["projet"]["aide_leader"] == "18000.50"
    declaration.received["projet"]["aide_leader"] = "180000.50"
    assert digest(declaration.received) != declaration.digest


def bad(client, message, field, **changes):
    response = post(client, **changes)
    assert response.status_code == 400, response.status_code
    error = re.search(rf'id="id_{field}_error">([^<]+)<', response.text)
    assert error and message in error.group(1), (field, error and error.group(1))
    assert "Jeanne Martin" in response.text  # everything typed is kept
    assert not Declaration.objects.exists()
    return response


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"siret": "21550463600018"}, "siret", "sa clé ne correspond pas"),
        ({"siret": "2155046360"}, "siret", "14 chiffres"),
        ({"siret": ""}, "siret", "Indiquez le SIRET"),
        ({"total_cost": "10 000", "leader_aid": "12 000"}, "leader_aid", "dépasse le coût total"),
        ({"total_cost": "-5"}, "total_cost", "ne peut pas être négatif"),
        ({"total_cost": "beaucoup"}, "total_cost", "Montant non reconnu"),
        ({"communes": ["999999"]}, "communes", "Sélectionnez un choix valide"),
        ({"communes": []}, "communes", "Champ requis"),
        ({"title": "x" * 10_000}, "title", "au plus 200 caractères"),
        ({"summary": "<script>alert(1)</script>"}, "summary", "balises"),
        ({"email": "jeanne"}, "email", "adresse de courriel valide"),
        ({"start_date": "2027-13-45"}, "start_date", "date valide"),
    ],
)
def test_bad_input_is_explained_next_to_its_field(client, page, changes, field, message):
    bad(client, message, field, **changes)


def test_a_commune_outside_the_perimeter_is_refused(client, page):
    left = Commune.objects.get(slug="woel")
    Commune.everywhere.filter(pk=left.pk).update(in_perimeter=False)
    bad(client, "Sélectionnez un choix valide", "communes", communes=[str(left.pk)])


def test_la_poste_and_a_private_person_need_no_luhn_siret(client, page):
    assert receipt_of(client, post(client, siret=LA_POSTE_SIRET)).status_code == 200
    assert receipt_of(client, post(client, structure_kind="particulier", siret="",
                                   email="paul@example.fr")).status_code == 200  # fmt: skip


def test_a_past_start_is_allowed_once_the_holder_knows_the_expenses_are_not_eligible(client, page):
    past = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    response = bad(client, "Cette date est passée", "start_date", start_date=past)
    assert 'name="past_start_confirmed"' in response.text
    confirmed = post(client, start_date=past, past_start_confirmed="on")
    html = receipt_of(client, confirmed).text
    assert "antérieure à cet accusé" in html


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("devis.pdf", b"MZ\x90\x00 not a pdf"),
         "est pas un PDF, quel que soit son nom"),
        (SimpleUploadedFile("devis.exe", b"MZ\x90\x00"), "Format non accepté"),
        (SimpleUploadedFile("devis.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024)),
         "dépasse 10 Mo"),
    ],
)  # fmt: skip
def test_attachments_that_lie_or_are_too_big_are_refused(client, page, upload, message):
    bad(client, message, "attachments", attachments=[upload])


def test_attachments_are_kept_privately_and_fingerprinted(client, page, settings):
    pdf = SimpleUploadedFile("devis.pdf", PDF)
    receipt_of(client, post(client, attachments=[pdf]))
    (attachment,) = Declaration.objects.get().attachments.all()
    assert attachment.name == "devis.pdf" and attachment.size == len(PDF)
    assert Declaration.objects.get().received["pieces_jointes"][0]["sha256"] == attachment.sha256
    assert str(attachment.file.storage.location) == str(settings.PRIVATE_MEDIA_ROOT)


def test_a_double_submission_stores_one_declaration(client, page):
    same = fields()
    first = client.post(page.url, same)
    again = client.post(page.url, same)
    assert first.url == again.url and Declaration.objects.count() == 1
    other = client.post(page.url, {**same, "title": "Un autre projet"})  # same form, reused
    assert other.status_code == 400 and "déjà servi" in other.text
    assert Declaration.objects.count() == 1


def test_robots_and_floods_are_turned_away(client, page):
    assert post(client, website="http://spam.example").status_code == 403
    for _ in range(3):
        receipt_of(client, post(client))
    flooded = post(client)
    assert flooded.status_code == 400 and "réessayez dans une heure" in flooded.text
    assert Declaration.objects.count() == 3


@pytest.fixture
def team(seeded):
    settings = DeclarationSettings.load()
    settings.recipient = "leader@petr.example"
    settings.save()


def test_with_the_mail_server_down_nothing_is_lost_and_mail_leaves_later(
    client,
    page,
    team,
    smtp,
    settings,
    queue,
):
    smtp.refuse = True
    response = post(client)
    assert response.status_code == 302  # the holder has the receipt whatever the mail server
    queue()
    declaration = Declaration.objects.get()
    assert not declaration.receipt_sent and "Refus du serveur" in declaration.mail_error
    assert client.get(response.url).status_code == 200
    smtp.refuse = False
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):  # past the retry
        queue()
    declaration.refresh_from_db()
    assert declaration.receipt_sent and declaration.team_notified
    holder = next(m for m in smtp.messages if "jeanne@example.fr" in m.split("\n\n")[0])
    assert declaration.number in holder and "application/pdf" in holder
    assert any("leader@petr.example" in m for m in smtp.messages)


def test_a_siret_typed_with_spaces_is_read_without_them(client, page):
    spaced = f"{VALID_SIRET[:3]} {VALID_SIRET[3:6]}\u00a0{VALID_SIRET[6:9]} {VALID_SIRET[9:]}"
    assert receipt_of(client, post(client, siret=spaced)).status_code == 200
    assert Declaration.objects.get().siret == VALID_SIRET


def test_optional_fields_say_so_once(client, page):
    html = client.get(declaration_page().url).content.decode()
    for label in ("Autres financeurs sollicités", "Pièces jointes"):
        after = html.split(label, 1)[1].split("</label>", 1)[0]
        assert after.count("facultati") == 1, (label, after)


def test_a_correction_sent_at_once_after_an_error_is_not_too_fast(client, page):
    refused = post(client, title="")
    assert refused.status_code == 400
    fresh = re.search(r'name="token" value="([^"]+)"', refused.text).group(1)
    assert receipt_of(client, post(client, token=fresh)).status_code == 200
    too_soon = post(client, token=token(seconds_ago=1), title="Un autre projet")
    assert too_soon.status_code == 400 and "trop vite" in too_soon.text  # a form just shown

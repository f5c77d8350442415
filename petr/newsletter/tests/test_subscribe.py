"""Signing up with double opt-in, changing topics and leaving, from the visitor's side."""

import datetime
import email
import io
from email import policy
from html import unescape

import pytest
import time_machine
from django.core import mail

from petr.newsletter.models import SignupRequest, Subscriber

from .helpers import PAGE, confirmed, link, sign_up

pytestmark = pytest.mark.django_db


def test_the_footer_opens_the_form_with_the_address_and_stores_nothing(client, seeded):
    home = client.get("/").content.decode()
    assert 'action="/abonnement/"' in home
    response = client.post("/abonnement/", {"email": "jeanne@example.fr"})
    html = response.content.decode()
    assert response.status_code == 200 and 'value="jeanne@example.fr"' in html
    assert "Mobilité" in html  # the missions are topics
    assert not Subscriber.objects.exists() and not mail.outbox


def test_double_opt_in_sends_nothing_before_confirmation(client, seeded, smtp):
    response = sign_up(client, news="on")
    assert response.status_code == 302 and response["Location"].endswith("?envoye=1#confirmation")
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None and subscriber.news and subscriber.newsletter
    [raw] = smtp.messages  # through a real SMTP server
    message = email.message_from_bytes(raw.encode(), policy=policy.default)
    assert message["To"] == "jeanne@example.fr" and "Confirmez" in message["Subject"]
    html = message.get_body(("html",)).get_content()
    assert "Confirmer mon abonnement" in html and message["List-Unsubscribe"] is None
    url = link(message.get_body(("plain",)).get_content(), "/abonnement/confirmer/")

    page = client.get(url)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Confirmer mon abonnement" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None

    done = client.post(url)
    subscriber.refresh_from_db()
    assert done.status_code == 200 and subscriber.confirmed_at is not None
    assert subscriber.covered_until == subscriber.confirmed_at
    again = client.post(url).content.decode()  # reused: nothing changes, and it says so
    assert "déjà confirmé" in again


def test_an_altered_an_expired_and_a_forgotten_link(client, seeded):
    sign_up(client)
    url = link(mail.outbox[0].body, "/abonnement/confirmer/")
    assert client.get(url[:-3] + "xx/").status_code == 400
    with time_machine.travel(datetime.timedelta(days=8)):
        expired = client.post(url)
        assert expired.status_code == 410 and "a expiré" in expired.content.decode()
        from django.core.management import call_command

        call_command("newsletter_tick", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Subscriber.objects.exists()  # unconfirmed after seven days: erased
    assert client.get(url).status_code == 410


def test_an_address_already_subscribed_is_reminded_not_changed(client, seeded):
    subscriber = confirmed(acts=True)
    response = sign_up(client, acts=None, news="on")
    assert response.status_code == 302  # the same answer: nobody learns who is subscribed
    subscriber.refresh_from_db()
    assert subscriber.acts and not subscriber.news
    [message] = mail.outbox
    assert "déjà abonnée" in message.body and subscriber.key in message.body


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"email": "jeanne@example.fr\nBcc: tous@example.fr"}, "adresse de courriel valide"),
        ({"email": "a" * 390 + "@example.fr"}, "adresse de courriel valide"),
        ({"newsletter": None}, "au moins un sujet"),
        ({"token": "falsifie"}, "a expiré"),
        ({"frequency": "horaire"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_gets_a_french_message_and_keeps_what_was_typed(client, seeded, fields, error):
    response = sign_up(client, **fields)
    html = response.content.decode()
    assert response.status_code == 400 and error in html, html[html.find("form-errors") :][:600]
    assert not Subscriber.objects.exists() and not mail.outbox


def test_one_client_cannot_sign_up_a_thousand_addresses(client, seeded):
    for n in range(5):
        assert sign_up(client, email=f"robot{n}@example.fr", ip="203.0.113.9").status_code == 302
    refused = sign_up(client, email="robot5@example.fr", ip="203.0.113.9")
    assert refused.status_code == 400 and "Trop d&#x27;inscriptions" in refused.content.decode()
    assert Subscriber.objects.count() == 5 and SignupRequest.objects.count() == 5
    assert sign_up(client, email="voisin@example.fr", ip="198.51.100.1").status_code == 302


def test_the_honeypot_answers_like_success_and_stores_nothing(client, seeded):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302 and not Subscriber.objects.exists()


def test_a_subscriber_changes_topics_then_leaves_with_their_link(client, seeded):
    from petr.missions.models import MissionPage

    subscriber = confirmed(newsletter=True)
    url = f"/abonnement/gerer/{subscriber.key}/"
    mobility = MissionPage.objects.get(slug="mobilite")
    page = client.get(url)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    choices = {"missions": [mobility.pk], "agenda": "on", "frequency": "hebdomadaire"}
    saved = client.post(url, choices)
    assert "Vos choix sont enregistrés" in saved.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.newsletter and subscriber.agenda
    assert list(subscriber.missions.all()) == [mobility]
    assert client.post(url, {"frequency": "quotidien"}).status_code == 400  # no topic
    client.post(url, {"leave": "1"})
    assert not Subscriber.objects.exists()
    assert client.get(url).status_code == 404


def test_one_click_unsubscribe_needs_no_cookie_or_token(seeded):
    from django.test import Client

    subscriber = confirmed()
    client = Client(enforce_csrf_checks=True)
    url = f"/abonnement/desabonner/{subscriber.key}/"
    assert "Me désabonner" in client.get(url).content.decode()  # a person gets a button
    response = client.post(url, "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200 and not Subscriber.objects.exists()
    assert client.post(url).status_code == 200  # a second click: already done


def test_the_sign_up_page_lists_the_topics_without_script(client, seeded):
    html = unescape(client.get(PAGE).content.decode())
    for label in ("La lettre d'information", "Toutes les actualités", "L'agenda",
                  "Les actes officiels", "Chaque jour", "Une fois par semaine"):  # fmt: skip
        assert label in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]


def test_a_mail_server_that_never_answers_never_keeps_a_visitor_waiting(
    client, seeded, settings, queue
):
    import socket
    import time

    from django_tasks_db.models import DBTaskResult

    silent = socket.socket()  # accepts connections, never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
    settings.EMAIL_TIMEOUT = 1
    started = time.monotonic()
    assert sign_up(client).status_code == 302
    assert time.monotonic() - started < 1  # the e-mail waits in the queue, not the visitor
    assert DBTaskResult.objects.ready().count() == 1
    queue()  # the worker's attempt times out, and is queued again for later
    silent.close()
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert Subscriber.objects.get().confirmed_at is None


def test_seeding_again_tells_the_privacy_page_once(seeded):
    from django.core.management import call_command
    from wagtail.models import Page

    call_command("seed_site", stdout=io.StringIO())
    privacy = Page.objects.get(slug="donnees-personnelles").specific
    anchors = [b.value["anchor"] for b in privacy.body if b.block_type == "heading"]
    assert anchors.count("lettre-et-alertes") == 1

"""Letters and alerts against a real SMTP server on 127.0.0.1 (aiosmtpd): what a subscriber
receives, once; refusals and a silent server recorded, nothing lost."""

import datetime
import email
import io
from email import policy
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from petr.events.tests.helpers import publish_event
from petr.library.tests.helpers import publish_act
from petr.missions.models import MissionPage
from petr.news.tests.helpers import publish_news
from petr.newsletter.models import Delivery, Mailing, Subscriber
from petr.newsletter.sending import create_newsletter_mailing

from .helpers import confirmed, publish_letter

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def received(smtp):
    return [email.message_from_bytes(raw.encode(), policy=policy.default) for raw in smtp.messages]


def tick():
    call_command("newsletter_tick", stdout=io.StringIO())


def test_a_letter_reaches_each_subscriber_once_readable_and_unsubscribable(
    client, seeded, smtp, committing
):
    readers = [confirmed(f"lecteur{n}@example.fr") for n in range(3)]
    Subscriber.objects.create(email="pas-confirme@example.fr")
    confirmed("alertes-seulement@example.fr", newsletter=False, news=True)
    publish_event("Forum de la mobilité", days_from_today=5)
    publish_event("Réunion passée", days_from_today=-5)
    letter = publish_letter()
    with committing():
        mailing = create_newsletter_mailing(letter, None, timezone.now())
    messages = received(smtp)
    assert sorted(m["To"] for m in messages) == [r.email for r in readers]
    mailing.refresh_from_db()
    assert mailing.finished_at and mailing.counts()["envoye"] == 3

    message = next(m for m in messages if m["To"] == readers[0].email)
    assert message["Subject"] == letter.title
    assert message["Message-ID"] == f"<lettre.{mailing.pk}.{readers[0].pk}@localhost>"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.endswith(f"/abonnement/desabonner/{readers[0].key}/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):  # the same words in both, and the links absolute
        assert "Le mot du président" in part and "Une actualité de la lettre" in part
        assert "Me désabonner" in part and readers[1].key not in part
        assert "Forum de la mobilité" in part and "Réunion passée" not in part
    assert 'href="http://localhost/contact/"' in html
    assert "un lien (http://localhost/contact/)" in text
    assert "<img" not in html or 'alt="' in html

    # The mail client's one-click unsubscribe (RFC 8058), then a second letter skips them.
    left = client.post(unsubscribe.removeprefix("http://localhost"), "List-Unsubscribe=One-Click",
                content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert left.status_code == 200, (unsubscribe, left.status_code)
    assert not Subscriber.objects.filter(pk=readers[0].pk).exists()
    smtp.messages.clear()
    with committing():
        create_newsletter_mailing(publish_letter("Lettre de janvier"), None, timezone.now())
    assert sorted(m["To"] for m in received(smtp)) == [r.email for r in readers[1:]]


def test_alerts_come_in_one_digest_never_twice_weekly_on_mondays(seeded, smtp, committing):
    mobility = MissionPage.objects.get(slug="mobilite")
    with time_machine.travel(datetime.datetime(2026, 12, 8, 6, tzinfo=PARIS)):  # a Tuesday
        daily = confirmed("quotidien@example.fr", newsletter=False,
                          frequency=Subscriber.Frequency.DAILY)  # fmt: skip
        daily.missions.add(mobility)
        weekly = confirmed("hebdo@example.fr", newsletter=False, news=True)
        publish_news(1, title="Avant les alertes", mission=mobility)  # before 7:00
        tick()
        assert not smtp.messages  # the alerts leave at 7:00
    with time_machine.travel(datetime.datetime(2026, 12, 8, 7, 30, tzinfo=PARIS)), committing():
        publish_news(1, title="Autre mission")  # no mission: the weekly reader only
        tick()
        tick()  # a second run the same day sends nothing more
    [message] = received(smtp)
    text = message.get_body(("plain",)).get_content()
    assert message["To"] == daily.email
    assert "Avant les alertes" in text and "Autre mission" not in text
    smtp.messages.clear()
    with time_machine.travel(datetime.datetime(2026, 12, 9, 7, 30, tzinfo=PARIS)), committing():
        tick()  # nothing new for the daily reader: no e-mail
    assert not smtp.messages
    with time_machine.travel(datetime.datetime(2026, 12, 14, 7, 30, tzinfo=PARIS)), committing():
        tick()  # Monday: the week's news for the weekly reader, each item once
    [message] = received(smtp)
    text = message.get_body(("plain",)).get_content()
    assert message["To"] == weekly.email
    assert text.count("Avant les alertes") == 1 and text.count("Autre mission") == 1
    assert Delivery.objects.filter(status=Delivery.Status.NOTHING).exists()


def test_the_acts_topic_announces_acts(seeded, smtp, committing):
    with time_machine.travel(datetime.datetime(2026, 12, 8, 6, tzinfo=PARIS)):
        confirmed("actes@example.fr", newsletter=False, acts=True,
                  frequency=Subscriber.Frequency.DAILY)  # fmt: skip
        act = publish_act()
    with time_machine.travel(datetime.datetime(2026, 12, 8, 8, tzinfo=PARIS)), committing():
        tick()
    [message] = received(smtp)
    text = message.get_body(("plain",)).get_content()
    assert act.title in text and "Délibération du" in text


def test_a_refused_address_is_recorded_and_the_others_are_served(
    seeded, smtp, committing, admin_client
):
    ok = confirmed("ok@example.fr")
    unknown = confirmed("inconnu@example.fr")
    smtp.unknown.add(unknown.email)
    with committing():
        mailing = create_newsletter_mailing(publish_letter(), None, timezone.now())
    assert [m["To"] for m in received(smtp)] == [ok.email]
    unknown.refresh_from_db()
    assert unknown.failed_at and "550" in unknown.failure
    failure = mailing.deliveries.get(subscriber=unknown)
    assert failure.status == Delivery.Status.FAILED and "Adresse inconnue" in failure.error
    listing = admin_client.get("/admin/echecs-envoi/").content.decode()
    assert "inconnu@example.fr" in listing and "Adresse inconnue" in listing
    send_page = admin_client.get(f"/admin/lettre/{mailing.page_id}/envoi/").content.decode()
    assert "En échec : 1" in send_page and "Adresse inconnue" in send_page


def test_a_silent_server_pauses_the_sending_and_loses_nobody(seeded, settings, smtp, committing):
    readers = [confirmed(f"lecteur{n}@example.fr") for n in range(3)]
    port, settings.EMAIL_PORT = settings.EMAIL_PORT, 9  # nothing listens there
    with committing():
        mailing = create_newsletter_mailing(publish_letter(), None, timezone.now())
    assert not smtp.messages and mailing.counts()["attente"] == 3
    assert mailing.deliveries.filter(attempts=1).count() == 1
    settings.EMAIL_PORT = port
    tick()  # the batch still holds its lease: nobody else sends
    assert not smtp.messages
    with time_machine.travel(datetime.timedelta(minutes=5)), committing():
        tick()
    assert sorted(m["To"] for m in received(smtp)) == [r.email for r in readers]
    mailing.refresh_from_db()
    assert mailing.finished_at is not None


def test_staff_send_a_test_then_schedule_the_letter(admin_client, seeded, committing):
    from django.core import mail

    confirmed("lecteur@example.fr")
    letter = publish_letter()
    url = f"/admin/lettre/{letter.pk}/envoi/"
    page = admin_client.get(url).content.decode()
    assert "1 abonné à la lettre la recevra" in page
    admin_client.post(url, {"action": "test"})
    [test] = mail.outbox
    assert test.to == ["admin@example.com"] and test.subject == f"[Essai] {letter.title}"
    past = admin_client.post(url, {"action": "send", "send_after": "01/01/2020 09:00"})
    assert "Ce moment est passé" in past.content.decode() and not Mailing.objects.exists()
    later = timezone.localtime() + datetime.timedelta(days=1)
    with committing():
        admin_client.post(url, {"action": "send", "send_after": f"{later:%d/%m/%Y %H:%M}"})
    mailing = Mailing.objects.get()
    assert mailing.finished_at is None and len(mail.outbox) == 1  # programmed, not sent
    again = admin_client.post(url, {"action": "send", "send_after": ""}, follow=True)
    assert "ne part qu" in again.content.decode() and Mailing.objects.count() == 1
    with time_machine.travel(later + datetime.timedelta(minutes=1)), committing():
        tick()
    assert [m.to for m in mail.outbox[1:]] == [["lecteur@example.fr"]]


def test_a_draft_letter_cannot_be_sent_and_the_preview_shows_the_email(admin_client, seeded):
    letter = publish_letter()
    letter.title = "Titre en cours"
    letter.save_revision()
    page = admin_client.get(f"/admin/lettre/{letter.pk}/envoi/").content.decode()
    assert "modifications non publiées" in page
    request = RequestFactory().get("/")
    preview = letter.serve_preview(request, "courriel").content.decode()
    assert "Lire cette lettre sur le site" in preview and "Me désabonner" in preview


def test_batches_keep_to_the_rate_set_in_the_settings(seeded, settings, queue, committing):
    from django.core import mail
    from django_tasks_db.models import DBTaskResult

    settings.NEWSLETTER = {**settings.NEWSLETTER, "BATCH_SIZE": 2, "RATE_PER_MINUTE": 6}
    for n in range(5):
        confirmed(f"lecteur{n}@example.fr")
    with committing():
        create_newsletter_mailing(publish_letter(), None, timezone.now())
    queue()
    assert len(mail.outbox) == 2  # one batch, then the next waits its turn
    assert not DBTaskResult.objects.ready().exists()  # none due now
    [next_batch] = DBTaskResult.objects.filter(status="READY")
    delay = (next_batch.run_after - timezone.now()).total_seconds()
    assert 15 < delay <= 20  # 2 messages at 6 a minute: 20 s from the batch's start
    with time_machine.travel(next_batch.run_after + datetime.timedelta(seconds=1)):
        queue()
    assert len(mail.outbox) == 4


def dsn(address, message_id, action="failed", status="5.1.1"):
    """A delivery status notification as Postfix writes one (RFC 3464)."""
    return (
        "From: MAILER-DAEMON@mx.example.fr\r\nTo: site@petr.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.fr\r\n\r\n"
        f"Final-Recipient: rfc822; {address}\r\nAction: {action}\r\nStatus: {status}\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <boite> User unknown\r\n\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {message_id}\r\n"
        "Subject: Lettre\r\n\r\n--B--\r\n"
    ).encode()


def test_a_bounce_received_later_marks_the_address_and_its_delivery(seeded, tmp_path, committing):
    gone = confirmed("partie@example.fr")
    kept = confirmed("reste@example.fr")
    with committing():
        mailing = create_newsletter_mailing(publish_letter(), None, timezone.now())
    files = {
        "bounce.eml": dsn(gone.email.upper(), f"<lettre.{mailing.pk}.{gone.pk}@localhost>"),
        "delay.eml": dsn(kept.email, "<x@y>", action="delayed", status="4.4.1"),
        "junk.eml": b"\xff\xfe not an e-mail \x00",
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    out = io.StringIO()
    call_command("record_bounces", *(str(tmp_path / name) for name in files), stdout=out)
    assert "3 messages lus ; adresses désormais refusées : partie@example.fr." in out.getvalue()
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert gone.failed_at and "5.1.1" in gone.failure and kept.failed_at is None
    delivery = mailing.deliveries.get(subscriber=gone)
    assert delivery.status == Delivery.Status.FAILED and "User unknown" in delivery.error
    with committing():
        create_newsletter_mailing(publish_letter("Lettre suivante"), None, timezone.now())
    assert Mailing.objects.latest("pk").deliveries.get().subscriber == kept


def test_a_bounce_piped_by_the_mail_server_is_read_from_standard_input(seeded, monkeypatch):
    subscriber = confirmed("partie@example.fr")
    raw = dsn(subscriber.email, "<autre@ailleurs>")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()
    call_command("record_bounces", stdout=out)
    subscriber.refresh_from_db()
    assert "1 message lu" in out.getvalue() and subscriber.failed_at is not None


def test_staff_read_export_and_erase_subscribers(admin_client, seeded, committing):
    subscriber = confirmed("=HYPERLINK(1)@example.fr", news=True)
    with committing():
        mailing = create_newsletter_mailing(publish_letter(), None, timezone.now())
    for url in ("/admin/abonnes/", f"/admin/abonnes/inspect/{subscriber.pk}/", "/admin/envois/",
                f"/admin/envois/inspect/{mailing.pk}/", "/admin/echecs-envoi/"):  # fmt: skip
        assert admin_client.get(url).status_code == 200, url
    export = b"".join(admin_client.get("/admin/abonnes/?export=csv").streaming_content).decode()
    assert "'=hyperlink(1)@example.fr" in export and "toutes les actualités" in export
    assert "Une fois par semaine, le lundi" in export
    admin_client.post(f"/admin/abonnes/delete/{subscriber.pk}/")
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()

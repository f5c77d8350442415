"""Sending a mailing through the worker, in throttled batches, each recipient's delivery
recorded as soon as the mail server accepted it.

A batch holds the mailing's lease (`lease_token`, `lease_until`): only one batch sends at a
time, across workers and servers. It sends BATCH_SIZE messages over one SMTP connection, then
queues the next batch for when the rate allows, handing the lease on. Stopped by SIGTERM
(systemd, a deployment), the worker ends the batch it is in and the next batch is already
queued: nobody is skipped or served twice (a SIGTERM between two tasks can end the worker
with the next batch claimed and unrun: its lease expires, and `newsletter_tick` goes on).
Killed outright, its lease expires after LEASE_SECONDS and `newsletter_tick` starts a new chain
from the recipients still pending; the single message that was in flight, accepted by the
server but not yet recorded, may then go twice: with the same Message-ID, which mail clients
merge.

A refused address (5xx) is recorded on the delivery and on the subscriber, who is sent nothing
more; a server that fails or does not answer pauses the sending (web/mail.py's delays)."""

import logging
import secrets
import smtplib
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import task_backends
from wagtail.models import Site

from petr.core.models.of_a_site import rows_of
from petr.newsletter import digests, emails
from petr.newsletter.models import Delivery, Mailing, Subscriber
from petr.web.mail import BACKEND, RETRY_DELAYS, background_task
from petr.web.shared_lookups import current_site_id, serving

logger = logging.getLogger(__name__)


def config(name):
    return settings.NEWSLETTER[name]


def letter_recipients(page):
    """The confirmed subscribers to the letter of the site `page` belongs to."""
    return rows_of(Subscriber.objects, page.get_site()).filter(
        newsletter=True, confirmed_at__isnull=False, failed_at__isnull=True
    )


def create_newsletter_mailing(page, user, send_after):
    with transaction.atomic():
        mailing = Mailing.objects.create(
            kind=Mailing.Kind.NEWSLETTER, page=page, subject=page.title,
            created_by=user, send_after=send_after, site=page.get_site(),
        )  # fmt: skip
        add_recipients(mailing, letter_recipients(page))
    transaction.on_commit(lambda: start(mailing))
    return mailing


def create_digest_mailing(now=None):
    """The served site's alerts of the day, once (across servers: `digest_day` is unique for
    the site); None before the hour."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    site = Site.objects.filter(pk=current_site_id()).first()
    if site is None or local.hour < config("DIGEST_HOUR"):
        return None
    if Mailing.objects.filter(site=site, digest_day=local.date()):
        return None
    subscribers = rows_of(Subscriber.objects, site).filter(
        Q(news=True) | Q(agenda=True) | Q(acts=True) | Q(missions__isnull=False),
        confirmed_at__isnull=False, failed_at__isnull=True,
    ).distinct()  # fmt: skip
    if local.weekday() != 0:  # weekly alerts go on Mondays
        subscribers = subscribers.filter(frequency=Subscriber.Frequency.DAILY)
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                kind=Mailing.Kind.DIGEST, subject=f"Alertes du {date_format(local, 'j F Y')}",
                digest_day=local.date(), period_end=now, send_after=now, site=site,
            )  # fmt: skip
            add_recipients(mailing, subscribers)
    except IntegrityError:
        return None  # another server created it meanwhile
    transaction.on_commit(lambda: start(mailing))
    return mailing


def add_recipients(mailing, subscribers):
    ids = subscribers.values_list("pk", flat=True)
    Delivery.objects.bulk_create([Delivery(mailing=mailing, subscriber_id=pk) for pk in ids],
                                 batch_size=500)  # fmt: skip


def start(mailing, token=None):
    """Queue a batch (a new chain, unless `token` continues one) for when the mailing is due."""
    token = token or secrets.token_hex(8)
    run_after = mailing.send_after if mailing.send_after > timezone.now() else None
    if run_after and task_backends[BACKEND].supports_defer:
        send_batch.using(run_after=run_after).enqueue(mailing.pk, token)
    elif run_after is None:
        send_batch.enqueue(mailing.pk, token)
    # else: development's immediate tasks cannot wait; `newsletter_tick` starts it when due.


def resume_stalled(now=None):
    """Start the due mailings that no living batch holds (never started, or its worker died)."""
    now = now or timezone.now()
    stalled = Mailing.objects.filter(finished_at=None, send_after__lte=now).filter(
        Q(lease_until=None) | Q(lease_until__lt=now)
    )
    for mailing in stalled:
        start(mailing)
    return len(stalled)


def _take_lease(mailing_id, token, now):
    return (
        Mailing.objects.filter(pk=mailing_id, finished_at=None)
        .filter(Q(lease_until=None) | Q(lease_until__lt=now) | Q(lease_token=token))
        .update(lease_token=token, lease_until=now + timedelta(seconds=config("LEASE_SECONDS")))
    )


@background_task
def send_batch(mailing_id, token):
    started = timezone.now()
    if not _take_lease(mailing_id, token, started):
        return  # finished, or another batch is sending it
    mailing = Mailing.objects.get(pk=mailing_id)
    with serving(mailing.site_id):  # its pages, its name, its address
        _send_batch(mailing, token, started)


def _send_batch(mailing, token, started):
    pending = list(
        mailing.deliveries.filter(status=Delivery.Status.PENDING)
        .select_related("subscriber").order_by("pk")[: config("BATCH_SIZE")]
    )  # fmt: skip
    pause = Batch(mailing, token).send(pending) if pending else None
    if not mailing.deliveries.filter(status=Delivery.Status.PENDING).exists():
        Mailing.objects.filter(pk=mailing.pk).update(
            finished_at=timezone.now(), lease_until=None, lease_token=""
        )
        return
    if pause is None:  # the rate: BATCH_SIZE messages a batch, RATE_PER_MINUTE at most
        pause = timedelta(minutes=config("BATCH_SIZE") / config("RATE_PER_MINUTE"))
        pause -= timezone.now() - started
    _continue(mailing, token, pause)


def _continue(mailing, token, pause):
    """Queue the chain's next batch, keeping the lease until it is due."""
    run_after = timezone.now() + max(pause, timedelta(0))
    lease = run_after + timedelta(seconds=config("LEASE_SECONDS"))
    Mailing.objects.filter(pk=mailing.pk, lease_token=token).update(lease_until=lease)
    if pause > timedelta(0):
        if not task_backends[BACKEND].supports_defer:
            return  # development: `newsletter_tick` goes on once the lease expires
        send_batch.using(run_after=run_after).enqueue(mailing.pk, token)
    else:
        send_batch.enqueue(mailing.pk, token)


class Batch:
    def __init__(self, mailing, token):
        self.mailing = mailing
        self.token = token
        self.lease = timedelta(seconds=config("LEASE_SECONDS"))
        self.renewed = timezone.now()  # the lease was just taken
        self.host = urlsplit(emails.site_root()).hostname or "localhost"
        if mailing.kind == Mailing.Kind.NEWSLETTER:
            letter = mailing.page.specific if mailing.page else None
            self.letter = emails.render(
                "newsletter/email/letter.html", emails.letter_context(letter, emails.KEY)
            ) if letter else None  # fmt: skip
        else:
            self.items = digests.Items(mailing)

    def send(self, deliveries):
        """Send each delivery; a pause when the server is in trouble, else None."""
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND or None)
        current = deliveries[0]
        try:
            connection.open()
            for current in deliveries:  # noqa: B007 (the one in trouble, below)
                pause = self.deliver(connection, current)
                if pause:
                    return pause
        except Exception as exc:  # the connection: refused, lost, timed out, TLS
            return self.server_trouble(current, exc)
        finally:
            connection.close()
        return None

    def compose(self, subscriber):
        if self.mailing.kind == Mailing.Kind.NEWSLETTER:
            if self.letter is None:
                return None
            html, text = (part.replace(emails.KEY, subscriber.key) for part in self.letter)
            subject = self.mailing.subject
        else:
            found = self.items.for_subscriber(subscriber)
            if not found:
                return None
            subject = digests.subject(subscriber, self.mailing.period_end)
            html, text = emails.render("newsletter/email/digest.html", {
                "subject": subject, "sections": found, "frequency": subscriber.frequency,
                "links": emails.links(subscriber.key),
            })  # fmt: skip
        message_id = f"<{self.mailing.kind}.{self.mailing.pk}.{subscriber.pk}@{self.host}>"
        return emails.message(subject, html, text, subscriber.email, subscriber.key, message_id)

    def deliver(self, connection, delivery):
        message = self.compose(delivery.subscriber)
        if message is None:
            return self.record(delivery, Delivery.Status.NOTHING)
        message.connection = connection
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = next(iter(exc.recipients.values()))
            return self.refused(delivery, code, reason)
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:
                return self.refused(delivery, exc.smtp_code, exc.smtp_error, address=False)
            return self.server_trouble(delivery, exc)
        return self.record(delivery, Delivery.Status.SENT)

    def record(self, delivery, status, error=""):
        now = timezone.now()
        with transaction.atomic():
            Delivery.objects.filter(pk=delivery.pk).update(
                status=status, sent_at=now if status == Delivery.Status.SENT else None,
                attempts=delivery.attempts + 1, error=error[:2000],
            )  # fmt: skip
            if self.mailing.kind == Mailing.Kind.DIGEST and status != Delivery.Status.FAILED:
                Subscriber.objects.filter(pk=delivery.subscriber_id).update(
                    covered_until=self.mailing.period_end
                )
            if now - self.renewed > self.lease / 3:  # not at every message: a query less each
                Mailing.objects.filter(pk=self.mailing.pk, lease_token=self.token).update(
                    lease_until=now + self.lease
                )
                self.renewed = now
        return None

    def refused(self, delivery, code, reason, address=True):
        text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        error = f"Refus du serveur de courriel : {code} {text}"
        if address:  # the address itself is refused: nothing more is sent to it
            Subscriber.objects.filter(pk=delivery.subscriber_id).update(
                failed_at=timezone.now(), failure=error[:2000]
            )
        logger.warning("Mailing %s to subscriber %s refused: %s", self.mailing.pk,
                       delivery.subscriber_id, error)  # fmt: skip
        return self.record(delivery, Delivery.Status.FAILED, error)

    def server_trouble(self, delivery, exc):
        """The server failed or timed out: try again later, then give this delivery up."""
        error = f"Envoi impossible : {type(exc).__name__} {exc}".strip()
        logger.warning("Mailing %s paused: %s", self.mailing.pk, error)
        if delivery.attempts >= len(RETRY_DELAYS):
            self.record(delivery, Delivery.Status.FAILED, error)
            return timedelta(0)
        Delivery.objects.filter(pk=delivery.pk).update(
            attempts=delivery.attempts + 1, error=error[:2000]
        )
        return RETRY_DELAYS[delivery.attempts]

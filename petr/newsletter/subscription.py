"""Double opt-in: the confirmation e-mail (a signed link valid seven days), sent by the
worker, and the reminder an address already subscribed gets instead."""

import logging

from django.core import signing
from django.urls import reverse

from petr.newsletter import emails
from petr.newsletter.models.subscribers import CONFIRMATION_DAYS, Subscriber
from petr.web.mail import background_task, deliver, retry_later
from petr.web.shared_lookups import serving

CONFIRM_SALT = "petr.newsletter.confirm"
logger = logging.getLogger(__name__)


def confirmation_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key)


def subscriber_from_token(token):
    """The subscriber a confirmation link names; raises SignatureExpired after seven days and
    BadSignature when altered; None when the sign-up is gone (purged, or unsubscribed)."""
    key = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
        token, max_age=CONFIRMATION_DAYS * 86400
    )
    return Subscriber.objects.filter(key=key).first()


def _send(subscriber_id, template, subject, attempt, task, with_key):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    with serving(subscriber.site_id):  # the site it subscribed on
        _compose_and_send(subscriber, template, subject, attempt, task, with_key)


def _compose_and_send(subscriber, template, subject, attempt, task, with_key):
    root = emails.site_root()
    html, text = emails.render(template, {
        "confirm_url": root + reverse("newsletter:confirm", args=[confirmation_token(subscriber)]),
        "links": emails.links(subscriber.key) if with_key else None,
        "days": CONFIRMATION_DAYS,
    })  # fmt: skip
    name = emails.identity().name
    error = deliver(emails.message(f"{subject} — {name}", html, text, subscriber.email))
    if error:
        logger.warning("Newsletter e-mail to subscriber %s failed: %s", subscriber.pk, error)
        retry_later(task, attempt, subscriber.pk, attempt + 1)


@background_task
def send_confirmation(subscriber_id, attempt=1):
    _send(subscriber_id, "newsletter/email/confirm.html", "Confirmez votre abonnement",
          attempt, send_confirmation, with_key=False)  # fmt: skip


@background_task
def send_reminder(subscriber_id, attempt=1):
    _send(subscriber_id, "newsletter/email/reminder.html", "Votre abonnement",
          attempt, send_reminder, with_key=True)  # fmt: skip

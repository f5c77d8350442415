"""Double opt-in: the confirmation e-mail (a signed link valid seven days), sent by the
worker; and the sign-up page's address, kept in the cache for the footer's form on every page."""

import logging

from django.core import signing
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published, page_unpublished, post_page_move

from petr.newsletter import emails
from petr.newsletter.models import Subscriber, SubscriptionPage
from petr.newsletter.models.subscribers import CONFIRMATION_DAYS
from petr.web.mail import background_task, deliver, retry_later
from petr.web.pagecache import purge_all
from petr.web.shared_lookups import forget

URL_KEY = "petr:newsletter:subscription-url"
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
    root = emails.site_root()
    html, text = emails.render(template, {
        "confirm_url": root + reverse("newsletter:confirm", args=[confirmation_token(subscriber)]),
        "links": emails.links(subscriber.key) if with_key else None,
        "days": CONFIRMATION_DAYS,
    })  # fmt: skip
    name = emails.identity().name
    error = deliver(emails.message(f"{subject} — {name}", html, text, subscriber.email))
    if error:
        logger.warning("Newsletter e-mail to subscriber %s failed: %s", subscriber_id, error)
        retry_later(task, attempt, subscriber_id, attempt + 1)


@background_task
def send_confirmation(subscriber_id, attempt=1):
    _send(subscriber_id, "newsletter/email/confirm.html", "Confirmez votre abonnement",
          attempt, send_confirmation, with_key=False)  # fmt: skip


@background_task
def send_reminder(subscriber_id, attempt=1):
    _send(subscriber_id, "newsletter/email/reminder.html", "Votre abonnement",
          attempt, send_reminder, with_key=True)  # fmt: skip


def subscription_url():
    url = cache.get(URL_KEY)
    if url is None:
        page = SubscriptionPage.objects.live().public().first()
        url = (page.url or "") if page else ""
        cache.set(URL_KEY, url, None)
    return url


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete, sender=SubscriptionPage)
def forget_subscription_url(sender, instance, **kwargs):
    if issubclass(instance.specific_class or type(instance), SubscriptionPage):
        forget(URL_KEY)
        purge_all()  # every page's footer links to it

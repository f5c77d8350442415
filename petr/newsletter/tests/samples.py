"""A letter with every block for the site-wide checks, and the pages a subscriber's links open
(confirm, manage, unsubscribe)."""

from django.urls import reverse

from petr.newsletter.models import Subscriber
from petr.newsletter.subscription import confirmation_token

from .helpers import confirmed, publish_letter


def publish():
    publish_letter()
    waiting = Subscriber.objects.create(email="en-attente@example.fr")
    subscriber = confirmed("abonne@example.fr", news=True)
    return [
        reverse("newsletter:confirm", args=[confirmation_token(waiting)]),
        reverse("newsletter:manage", args=[subscriber.key]),
        reverse("newsletter:unsubscribe", args=[subscriber.key]),
    ]

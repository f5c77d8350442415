"""Scheduled publishing without a cron line.

Each request compares the clock with the next scheduled go-live or expiry, kept in the cache
(one cache read, no query). When that moment has passed, Wagtail's own `publish_scheduled` runs
before anything is served: a page scheduled for 8:00 is live for the first visitor, feed reader or
crawler after 8:00. Saving any page or revision forgets the cached moment; it also expires after
a minute, so processes that do not share a cache (several workers without Redis) catch up.
With Redis away, the moment is read from the database at each request and the lock that lets
one process publish is the database's (web/locks.py): publishing never stops silently."""

import io
import logging
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Min
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, Revision

from petr.web.locks import database_lock

NEXT_DUE_KEY = "petr:scheduled:next-due"
LOCK_KEY = "petr:scheduled:publishing"
LOCK_SECONDS = 120
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
logger = logging.getLogger(__name__)


def next_due():
    due = cache.get(NEXT_DUE_KEY)
    if due is None:
        moments = [
            Revision.objects.aggregate(m=Min("approved_go_live_at"))["m"],
            Page.objects.filter(live=True, expired=False).aggregate(m=Min("expire_at"))["m"],
        ]
        due = min((m for m in moments if m), default=FAR_FUTURE)
        cache.set(NEXT_DUE_KEY, due, 60)
    return due


def publish_due():
    if timezone.now() < next_due():
        return
    # One process publishes; the others serve their request without waiting. The lock is shared
    # through Redis (and expires should a process die while holding it); if Redis cannot say
    # whether it is held, the database's lock decides.
    if cache.add(LOCK_KEY, True, LOCK_SECONDS):
        try:
            _publish()
        finally:
            cache.delete(LOCK_KEY)
    elif cache.get(LOCK_KEY) is None:  # not held, yet not taken: Redis is away
        with database_lock(LOCK_KEY, wait=False) as held:
            if held:
                _publish()


def _publish():
    try:
        cache.delete(NEXT_DUE_KEY)
        call_command("publish_scheduled", stdout=io.StringIO())
    except Exception:  # a publishing hiccup must not take the public site down
        logger.exception("Scheduled publishing failed; retrying in a minute.")
        cache.set(NEXT_DUE_KEY, timezone.now() + timedelta(minutes=1), 60)


@receiver(post_save)
def forget_next_due(sender, **kwargs):
    if sender is Revision or issubclass(sender, Page):
        cache.delete(NEXT_DUE_KEY)


class ScheduledPublishingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        publish_due()
        return self.get_response(request)

"""Limits per hour that hold with Redis away: each attempt is a row (`Attempt`) holding a
fingerprint of who made it; rows older than an hour are deleted as new ones come."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from petr.accounts.models import Attempt
from petr.web.locks import database_lock

PERIOD = timedelta(hours=1)


def _fingerprint(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()


def reached(kind, key, limit):
    """Whether `key` made `limit` attempts of `kind` in the last hour."""
    since = timezone.now() - PERIOD
    recent = Attempt.objects.filter(kind=kind, key_hash=_fingerprint(key), created_at__gte=since)
    return recent.count() >= limit


def record(*pairs):
    """Records one attempt for each (kind, key)."""
    Attempt.objects.filter(created_at__lt=timezone.now() - PERIOD).delete()
    Attempt.objects.bulk_create(
        Attempt(kind=kind, key_hash=_fingerprint(key)) for kind, key in pairs
    )


def counted(limits):
    """For (kind, key, limit) triples: records the attempt and says whether any limit had already
    been reached, one request at a time (simultaneous requests cannot all slip under it)."""
    with database_lock("petr.attempts"):
        over = any(reached(kind, key, limit) for kind, key, limit in limits)
        record(*((kind, key) for kind, key, _ in limits))
    return over

"""A letter to 2 000 subscribers through real worker processes and a real SMTP server, the
worker killed outright, then stopped as systemd stops it, then restarted: every address is
served, none twice but the one message a killed worker had in flight (same Message-ID)."""

import os
import re
import signal
import time
from collections import defaultdict

from django.core.management import call_command
from django.utils import timezone

from petr.newsletter.models import Delivery, Mailing, Subscriber
from petr.newsletter.sending import create_newsletter_mailing

from .helpers import publish_letter, wait_for

SUBSCRIBERS = 2000
HEADER = re.compile(r"^(To|Message-ID): (.+)$", re.MULTILINE | re.IGNORECASE)


def tick():
    call_command("newsletter_tick", stdout=open(os.devnull, "w"))  # noqa: SIM115


def finished(mailing):
    """Whether the letter is sent; meanwhile what the timer does when no batch holds it. A
    SIGTERM landing between two tasks, after the worker claimed the next batch and before it ran
    it, ends the worker with that batch unrun (django-tasks-db exits at once when no task is
    running): the lease's expiry tells, and the timer starts the chain again."""
    mailing.refresh_from_db()
    if mailing.finished_at is None and mailing.lease_until < timezone.now():
        tick()
    return mailing.finished_at is not None


def test_a_killed_then_stopped_worker_serves_everyone_once(
    committed_seeded, smtp, queue, worker, settings
):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"abonne{n:04}@example.fr", confirmed_at=timezone.now())
        for n in range(SUBSCRIBERS)
    )
    mailing = create_newsletter_mailing(publish_letter(), None, timezone.now())
    port = settings.EMAIL_PORT
    started = time.monotonic()

    first = worker(port)
    wait_for(lambda: len(smtp.messages) >= 600)
    first.send_signal(signal.SIGKILL)  # a crash: no batch ends, no lease handed on
    first.wait(10)
    wait_for(lambda: Mailing.objects.get(pk=mailing.pk).lease_until < timezone.now())
    tick()

    second = worker(port)
    wait_for(lambda: len(smtp.messages) >= 1300)
    second.send_signal(signal.SIGTERM)  # systemd's stop: the batch in hand ends first
    assert second.wait(30) == 0, second.stderr.read().decode()[-2000:]
    after_stop = len(smtp.messages)

    third = worker(port)
    wait_for(lambda: finished(mailing))
    elapsed = time.monotonic() - started
    third.send_signal(signal.SIGTERM)
    third.wait(30)

    ids = defaultdict(set)
    copies = defaultdict(int)
    for raw in smtp.messages:
        headers = {name.lower(): value.strip() for name, value in HEADER.findall(raw)}
        ids[headers["to"]].add(headers["message-id"])
        copies[headers["to"]] += 1
    assert len(ids) == SUBSCRIBERS and all(len(found) == 1 for found in ids.values())
    twice = [address for address, count in copies.items() if count > 1]
    assert len(twice) <= 1, twice  # only what the killed worker had in flight
    assert after_stop >= 1300 and Delivery.objects.exclude(status=Delivery.Status.SENT).count() == 0
    print(f"{SUBSCRIBERS} courriels en {elapsed:.1f} s ; après l'arrêt brutal : {len(twice)}")

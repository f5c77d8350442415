"""How fast the worker sends a letter, through a real worker process and a real SMTP server on
this machine: 2 000 subscribers with no rate limit (what the machine can do), then 300 at 1 200
a minute in batches of 50 (whether the rate is kept). Not part of the suite (not named test_*):
.venv/bin/pytest -q -s --no-cov -p no:cacheprovider petr/newsletter/tests/bench_sending.py"""

import signal
import time

from django.utils import timezone

from petr.newsletter.models import Mailing, Subscriber
from petr.newsletter.sending import create_newsletter_mailing

from .helpers import publish_letter, wait_for


def send(smtp, settings, worker, count, rate=None):
    Subscriber.objects.all().delete()
    smtp.messages.clear()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"abonne{n:04}@example.fr", confirmed_at=timezone.now())
        for n in range(count)
    )
    letter = publish_letter(f"Lettre {count} {rate}")
    process = worker(settings.EMAIL_PORT, rate)
    started = time.monotonic()
    mailing = create_newsletter_mailing(letter, None, timezone.now())
    wait_for(lambda: Mailing.objects.get(pk=mailing.pk).finished_at is not None, 900)
    elapsed = time.monotonic() - started
    process.send_signal(signal.SIGTERM)
    process.wait(30)
    assert len(smtp.messages) == count
    return elapsed


def test_sending_rate(committed_seeded, smtp, queue, worker, settings):
    elapsed = send(smtp, settings, worker, 2000)
    print(f"\n2 000 courriels sans limite : {elapsed:.1f} s, {2000 / elapsed:.0f} par seconde")
    elapsed = send(smtp, settings, worker, 300, rate=1200)
    print(
        f"300 courriels à 1 200 par minute (lots de 50) : {elapsed:.1f} s, "
        f"soit {300 / elapsed * 60:.0f} par minute"
    )

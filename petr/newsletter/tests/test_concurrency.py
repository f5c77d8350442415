"""Twenty sign-ups posted at once from one client, on SQLite as on PostgreSQL: the hourly limit
holds (no test transaction around it: each request commits for real)."""

import threading

from petr.conftest import in_own_connection

from .helpers import PAGE, token

SIMULTANEOUS = 20


def test_simultaneous_sign_ups_from_one_client_keep_to_the_limit(committed_seeded):
    from django.test import Client

    from petr.newsletter.forms import PER_HOUR
    from petr.newsletter.models import SignupRequest, Subscriber

    barrier = threading.Barrier(SIMULTANEOUS)

    def post(n):
        client = Client(REMOTE_ADDR="203.0.113.70", raise_request_exception=False)
        data = {"email": f"lecteur{n}@example.fr", "newsletter": "on",
                "frequency": "quotidien", "website": "", "token": token()}  # fmt: skip
        barrier.wait()
        return client.post(PAGE, data).status_code

    runs = [in_own_connection(post, n) for n in range(SIMULTANEOUS)]
    for thread, _ in runs:
        thread.join(timeout=60)
    statuses = sorted(result.get("value", result.get("error")) for _, result in runs)
    assert statuses == [302] * PER_HOUR + [400] * (SIMULTANEOUS - PER_HOUR)
    thread, counts = in_own_connection(
        lambda: (Subscriber.objects.count(), SignupRequest.objects.count())
    )
    thread.join(timeout=60)
    assert counts["value"] == (PER_HOUR, PER_HOUR)

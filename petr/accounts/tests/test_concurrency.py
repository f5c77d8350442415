"""Simultaneous writers, for real: each thread its own connection, committing; the test holds no
transaction (on SQLite it would hold the write lock) and the starter site is reloaded after it
(`committed_seeded`). On SQLite, none may fail with « database is locked »; on both engines,
the hourly limits hold. No module-wide `django_db` mark here: beside it, these tests saw another
state of the database than their threads did (the threads' pages answered 404)."""

import threading

from axes.models import AccessAttempt
from django.test import Client

from petr.conftest import in_own_connection
from petr.contact.models import ContactSubmission
from petr.contact.tests.test_contact import token


def test_simultaneous_failed_logins_are_all_recorded_without_an_error(committed_seeded):
    """Eight clients fail five times each at the same moment: django-axes writes each attempt,
    and on SQLite none of those writes may fail with « database is locked »."""
    barrier = threading.Barrier(8)

    def fail_five_times(n):
        client = Client(REMOTE_ADDR=f"198.51.100.{n}", raise_request_exception=False)
        barrier.wait()
        return [
            client.post("/admin/login/", {"username": f"agent{n}", "password": "faux"}).status_code
            for _ in range(5)
        ]

    runs = [in_own_connection(fail_five_times, n) for n in range(8)]
    for thread, _ in runs:
        thread.join(timeout=60)
    assert [r.get("value") for _, r in runs] == [[200] * 5] * 8
    counted = in_own_connection(
        lambda: sorted(AccessAttempt.objects.values_list("username", "failures_since_start"))
    )
    counted[0].join(timeout=60)
    assert counted[1]["value"] == [(f"agent{n}", 5) for n in range(8)]


def test_twenty_simultaneous_posts_from_one_client_store_the_hourly_five(committed_seeded):
    barrier = threading.Barrier(20)

    def send(n):
        client = Client(REMOTE_ADDR="203.0.113.50", raise_request_exception=False)
        data = {"name": "Robot", "email": f"r{n}@example.fr", "subject": "Autre demande",
                "message": f"Message {n}", "website": "", "token": token()}  # fmt: skip
        barrier.wait()
        return client.post("/contact/", data).status_code

    runs = [in_own_connection(send, n) for n in range(20)]
    for thread, _ in runs:
        thread.join(timeout=60)
    assert sorted(r["value"] for _, r in runs) == [302] * 5 + [400] * 15
    stored = in_own_connection(ContactSubmission.objects.count)
    stored[0].join(timeout=60)
    assert stored[1]["value"] == 5

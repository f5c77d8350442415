"""Numbers without gaps, unique even when holders submit at the same instant: twenty threads,
each its own connection and transaction, on PostgreSQL (where they truly run at once) and on
SQLite (where they queue for the write lock, and none may fail with « database is locked »).

The threads commit for real: the test holds no transaction (on SQLite it would hold the write
lock), and the starter site is reloaded after it."""

import threading

from django.http import QueryDict
from django.utils import timezone

from petr.conftest import in_own_connection
from petr.declarations.forms import DeclarationForm
from petr.declarations.models import Declaration
from petr.declarations.tests.helpers import fields, token
from petr.programmes.models import ActionPage

SUBMISSIONS = 20


def submit(index, barrier):
    data = QueryDict(mutable=True)
    for name, value in fields(email=f"porteur{index}@example.fr", token=token()).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    form = DeclarationForm(data, actions=ActionPage.objects.none(), client=f"10.0.0.{index}")
    assert form.is_valid(), form.errors
    barrier.wait()  # all together now
    return form.save_declaration()


def numbers():
    return sorted(Declaration.objects.values_list("number", flat=True))


def test_concurrent_submissions_get_distinct_consecutive_numbers(committed_seeded):
    barrier = threading.Barrier(SUBMISSIONS)
    runs = [in_own_connection(submit, i, barrier) for i in range(SUBMISSIONS)]
    for thread, _ in runs:
        thread.join(timeout=60)
    thread, result = in_own_connection(numbers)
    thread.join(timeout=60)
    assert [r.get("error") for _, r in runs] == [None] * SUBMISSIONS
    year = timezone.localdate().year
    assert result["value"] == [f"DI-{year}-{n:04d}" for n in range(1, SUBMISSIONS + 1)]


def test_simultaneous_posts_from_one_client_store_the_hourly_limit(committed_seeded):
    """The page's own path, through the view: ten holders behind one address post at once;
    three declarations an hour per client, not more."""
    from django.test import Client

    from petr.declarations.tests.helpers import declaration_page

    url = declaration_page().url
    barrier = threading.Barrier(10)

    def send(n):
        client = Client(REMOTE_ADDR="203.0.113.60", raise_request_exception=False)
        data = fields(email=f"porteur{n}@example.fr", token=token())
        barrier.wait()
        return client.post(url, data).status_code

    runs = [in_own_connection(send, n) for n in range(10)]
    for thread, _ in runs:
        thread.join(timeout=60)
    assert sorted(r["value"] for _, r in runs) == [302] * 3 + [400] * 7
    thread, result = in_own_connection(numbers)
    thread.join(timeout=60)
    assert len(result["value"]) == 3

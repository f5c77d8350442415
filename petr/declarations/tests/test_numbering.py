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

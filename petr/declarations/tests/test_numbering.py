"""Numbers without gaps, unique even when holders submit at the same instant: twenty threads,
each its own connection and transaction, on PostgreSQL (where they truly run at once).

The threads commit for real, outside the test's own transaction: they see the seeded site, and
what they write is read and removed by another thread at the end."""

import threading

import pytest
from django.db import connection, connections
from django.http import QueryDict
from django.utils import timezone

from petr.conftest import require
from petr.declarations.forms import DeclarationForm
from petr.declarations.models import Declaration, DeclarationCounter
from petr.declarations.tests.helpers import fields, token
from petr.programmes.models import ActionPage

pytestmark = pytest.mark.django_db
SUBMISSIONS = 20


def in_own_connection(function, *args):
    """Run `function` in a thread of its own: its own connection, its own transactions."""
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except Exception as error:  # reported to the test's thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def submit(index, barrier):
    data = QueryDict(mutable=True)
    for name, value in fields(email=f"porteur{index}@example.fr", token=token()).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    form = DeclarationForm(data, actions=ActionPage.objects.none(), client=f"10.0.0.{index}")
    assert form.is_valid(), form.errors
    barrier.wait()  # all together now
    return form.save_declaration()


def numbers_then_clean_up():
    numbers = sorted(Declaration.objects.values_list("number", flat=True))
    Declaration.objects.all().delete()
    DeclarationCounter.objects.all().delete()
    return numbers


def test_concurrent_submissions_get_distinct_consecutive_numbers(seeded):
    require(connection.vendor == "postgresql", "Ce test de concurrence tourne sur PostgreSQL.")
    barrier = threading.Barrier(SUBMISSIONS)
    runs = [in_own_connection(submit, i, barrier) for i in range(SUBMISSIONS)]
    for thread, _ in runs:
        thread.join(timeout=60)
    thread, result = in_own_connection(numbers_then_clean_up)
    thread.join(timeout=60)
    assert [r.get("error") for _, r in runs] == [None] * SUBMISSIONS
    year = timezone.localdate().year
    assert result["value"] == [f"DI-{year}-{n:04d}" for n in range(1, SUBMISSIONS + 1)]

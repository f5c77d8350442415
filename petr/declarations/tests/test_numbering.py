"""Numbers without gaps, unique even when holders submit at the same instant: twenty threads,
each its own connection and transaction, on PostgreSQL (where they truly run at once)."""

import threading

from django.db import connection, connections
from django.http import QueryDict
from django.utils import timezone

from petr.conftest import require
from petr.declarations.forms import DeclarationForm
from petr.declarations.models import Declaration
from petr.declarations.tests.helpers import declaration_page, fields, token

SUBMISSIONS = 20


def submit(page, index, barrier, errors):
    try:
        data = QueryDict(mutable=True)
        changes = {"email": f"porteur{index}@example.fr", "token": token()}
        for name, value in fields(**changes).items():
            data.setlist(name, value if isinstance(value, list) else [value])
        form = DeclarationForm(data, actions=page.actions(), client=f"10.0.0.{index}")
        assert form.is_valid(), form.errors
        barrier.wait()  # all together now
        form.save_declaration()
    except Exception as error:  # reported to the test's thread
        errors.append(error)
    finally:
        connections.close_all()


def test_concurrent_submissions_get_distinct_consecutive_numbers(
    _starter_copy, django_db_serialized_rollback, transactional_db
):
    require(connection.vendor == "postgresql", "Ce test de concurrence tourne sur PostgreSQL.")
    page = declaration_page()
    barrier, errors = threading.Barrier(SUBMISSIONS), []
    threads = [threading.Thread(target=submit, args=(page, i, barrier, errors))
               for i in range(SUBMISSIONS)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    year = timezone.localdate().year
    numbers = sorted(Declaration.objects.values_list("number", flat=True))
    assert numbers == [f"DI-{year}-{n:04d}" for n in range(1, SUBMISSIONS + 1)]

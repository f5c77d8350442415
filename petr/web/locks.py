"""A named lock in the database, for what must hold when the shared cache (Redis) is away: one
transaction at a time under that name. PostgreSQL: a transaction-level advisory lock; SQLite:
its IMMEDIATE transactions (settings) already take the write lock when they begin."""

import hashlib
from contextlib import contextmanager

from django.db import connection, transaction


def _key(name):
    return int(hashlib.sha256(name.encode()).hexdigest()[:15], 16)


@contextmanager
def database_lock(name, wait=True):
    """A transaction holding the lock `name`; yields False, without waiting, when `wait` is
    False and another transaction holds it (PostgreSQL; SQLite always waits)."""
    with transaction.atomic():
        held = True
        # Not counted on SQLite's runs, where it cannot run; CI's PostgreSQL run executes it.
        if connection.vendor == "postgresql":  # pragma: no cover
            function = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {function}(%s)", [_key(name)])  # noqa: S608
                held = wait or cursor.fetchone()[0]
        yield held

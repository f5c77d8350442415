"""French text helpers."""

import unicodedata


def french_sort_key(text):
    """« Évres » sorts with the E's, not after « Z » as a byte-wise ORDER BY would put it."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# A database collation of that name sorts the French way on both engines: ICU's French on
# PostgreSQL (created by territory's migration 0003), `french_sort_key` on SQLite (registered
# on each new connection). Models order by `Collate("name", COLLATION)`.
COLLATION = "petr_fr"


def _compare(left, right):
    keys = (french_sort_key(left), left), (french_sort_key(right), right)
    return (keys[0] > keys[1]) - (keys[0] < keys[1])


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _compare)

"""French sorting, without a database: the key, and the comparison SQLite's collation uses."""

from functools import cmp_to_key

from petr.core.french.sorting import _compare, french_sort_key

NAMES = ["Xivray-et-Marvoisin", "Èvres", "Woël", "Érize-la-Brûlée", "Apremont-la-Forêt", "Evres"]


def test_accented_names_sort_with_their_letter():
    expected = ["Apremont-la-Forêt", "Érize-la-Brûlée", "Evres", "Èvres", "Woël",
                "Xivray-et-Marvoisin"]  # fmt: skip
    assert sorted(NAMES, key=cmp_to_key(_compare)) == expected
    assert sorted(NAMES, key=french_sort_key)[:2] == ["Apremont-la-Forêt", "Érize-la-Brûlée"]
    assert _compare("Èvres", "Èvres") == 0

"""French sorting and numbers, without a database: the sort key, the comparison SQLite's collation
uses, and the decimal comma of files and fields."""

from decimal import Decimal
from functools import cmp_to_key

import pytest

from petr.core.french.numbers import decimal_comma
from petr.core.french.sorting import _compare, french_sort_key

NAMES = ["Xivray-et-Marvoisin", "Èvres", "Woël", "Érize-la-Brûlée", "Apremont-la-Forêt", "Evres"]


def test_accented_names_sort_with_their_letter():
    expected = ["Apremont-la-Forêt", "Érize-la-Brûlée", "Evres", "Èvres", "Woël",
                "Xivray-et-Marvoisin"]  # fmt: skip
    assert sorted(NAMES, key=cmp_to_key(_compare)) == expected
    assert sorted(NAMES, key=french_sort_key)[:2] == ["Apremont-la-Forêt", "Érize-la-Brûlée"]
    assert _compare("Èvres", "Èvres") == 0


@pytest.mark.parametrize(
    ("value", "places", "written"),
    [(Decimal("48.9123"), None, "48,9123"), (Decimal("12.5"), 2, "12,50"), (2.675, 1, "2,7"),
     (12, None, "12"), (None, 2, "")],
)  # fmt: skip
def test_files_and_fields_take_the_decimal_comma_without_grouping(value, places, written):
    assert decimal_comma(value, places) == written

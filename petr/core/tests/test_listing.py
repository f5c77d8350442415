"""Pagination never fails on its parameter: pure logic, no database."""

import pytest
from django.http import Http404

from petr.core.listing import paginate


@pytest.mark.parametrize(("number", "first"), [(None, 0), ("", 0), ("1", 0), ("3", 20)])
def test_pages_are_numbered_from_one(rf, number, first):
    params = {} if number is None else {"page": number}
    page = paginate(rf.get("/", params), list(range(25)), 10)
    assert list(page)[0] == first


@pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "4", "999999", "1e3"])
def test_a_page_that_does_not_exist_is_a_404(rf, number):
    with pytest.raises(Http404):
        paginate(rf.get("/", {"page": number}), list(range(25)), 10)

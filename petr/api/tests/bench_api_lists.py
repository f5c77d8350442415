"""How the API answers a list of 100 items: time and SQL queries per list, cold (no page cache).
Not part of the suite (not named test_*): .venv/bin/pytest -q -s --no-cov
petr/api/tests/bench_api_lists.py"""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petr.api.lists import LISTS
from petr.news.tests.helpers import publish_news
from petr.places.models import Place
from petr.programmes.tests.test_growth import grow

pytestmark = pytest.mark.django_db


def test_lists_of_100(client, seeded):
    publish_news(100)
    grow(projects=100, actions=10, places=100)
    print(f"\n{'liste':<12} {'éléments':>8} {'requêtes':>8} {'ms (médiane de 5)':>18}")
    for name in LISTS:
        url = f"/api/v1/{name}?par_page=100"
        client.get(url)
        timings = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                body = client.get(url).json()
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        print(f"{name:<12} {len(body['resultats']):>8} {len(queries):>8} {timings[2]:>18.1f}")
    assert Place.objects.count() >= 100

"""No input yields a server error. Hypothesis drives the test client over every public address
(one page of every type, their routes, feeds, filters, search, the contact form), with hostile
values, methods and encodings, and fails on any 5xx. Derandomized, so CI is reproducible; the
inputs that once gave a 500 are kept as explicit examples."""

import os
from collections import Counter

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from petr.conftest import publish_samples

pytestmark = pytest.mark.django_db
# 200 derandomized cases in the everyday loop (the same each run: about 7 s); FUZZ_CASES=5000
# for a deeper run.
CASES = int(os.environ.get("FUZZ_CASES", 200))

ROUTES = [
    "/actualites/flux/rss/",
    "/actualites/flux/atom/",
    "/actes/flux/rss/",
    "/actes/seances/{n}/",
    "/agenda/ical/",
    "/agenda/passes/",
    "/territoire/{s}/",
    "/territoire/communautes/{s}/",
    "/donnees/{s}",
    "/donnees/communes.csv",
    "/donnees/communautes.csv-metadata.json",
    "/donnees/communes.geojson",
    "/sitemap.xml",
    "/robots.txt",
    "/recherche/",
    "/contact/",
    "/{s}/",
]
PARAMS = ["page", "q", "type", "mission", "commune", "year", "kind", "meeting", "doc_type", "x"]
HOSTILE = [
    '"',
    "'",
    "\x00",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "-1",
    "0",
    "1e9",
    "99999999999999999999",
    "NaN",
    "../../etc/passwd",
    "é" * 300,
    "🙂",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "a" * 5000,
    "NEAR(a b)",
    "*",
]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), st.integers().map(str))
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=inconnu",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/json",
    "text/plain",
]


@st.composite
def requests(draw, paths):
    template = draw(st.sampled_from(paths + ROUTES))
    path = template.format(n=draw(st.integers(-5, 10**12)), s=draw(st.text(min_size=1)))
    query = draw(st.dictionaries(st.sampled_from(PARAMS), values, max_size=4))
    method = draw(st.sampled_from(["GET"] * 6 + ["POST"] * 2 + ["HEAD", "PUT", "OPTIONS"]))
    body, content_type = b"", None
    if method != "GET":
        content_type = draw(st.sampled_from(CONTENT_TYPES))
        body = draw(st.one_of(st.binary(max_size=200), values.map(str.encode)))
    return method, path, query, body, content_type


def send(client, method, path, query, body, content_type):
    if method == "GET":
        return client.get(path, query)
    extra = {"QUERY_STRING": "&".join(f"{k}=x" for k in query)}
    return client.generic(method, path, body, content_type=content_type or "", **extra)


def test_no_input_yields_a_server_error(seeded):
    from petr.api.lists import LISTS

    paths = [*publish_samples(), *(f"/api/v1/{name}" for name in LISTS)]
    client = Client(raise_request_exception=False)
    seen = Counter()

    @settings(
        max_examples=CASES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(request=requests(paths))
    @example(request=("GET", "/recherche/", {"q": '"'}, b"", None))
    @example(request=("GET", "/recherche/", {"q": "\x00"}, b"", None))
    @example(request=("GET", "/actualites/", {"commune": "\x00"}, b"", None))
    @example(request=("GET", "/api/v1/projets", {"page": "9" * 30}, b"", None))
    @example(request=("GET", "/api/v1/lieux", {"commune": "\x00"}, b"", None))
    @example(request=("GET", "/territoire/", {"commune": "\x00"}, b"", None))
    @example(
        request=(
            "POST",
            "/contact/",
            {},
            "name=Jeanne".encode("utf-16"),
            "application/x-www-form-urlencoded; charset=utf-16",
        )
    )
    def check(request):
        status = send(client, *request).status_code
        seen[status] += 1
        assert status < 500, request

    check()
    print(f"\n{sum(seen.values())} requêtes, statuts : {dict(sorted(seen.items()))}")

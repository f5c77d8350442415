"""The second PETR as `new_site` builds it (conftest: the Drôme perimeter, every mission of the
catalogue), in a real Chromium: every page it has — one of each page type it starts with, its
empty listings, its generated territory pages — with zero axe-core violations (WCAG 2.x A/AA)
at the narrow width where layouts break first. Page types that need content first (news,
events, acts, programmes) are the first site's: core/tests/test_accessibility.py."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from petr.core.tests.test_accessibility import AXE_RUN, WCAG_TAGS
from petr.home.new_site import mission_choices
from petr.territory.models import Commune, Epci, TerritoryPage

from .conftest import NAME, SIRENS, empty

pytestmark = pytest.mark.browser


def build_second_petr(api):
    empty()
    arguments = ["--nom", NAME, "--api", api.url]
    for siren in SIRENS:
        arguments += ["--siren", siren]
    for key, _title in mission_choices():
        arguments += ["--mission", key]
    call_command("new_site", *arguments, stdout=io.StringIO())


def test_every_page_of_a_second_petr_passes_axe(live_seeded, drome_api, browser, axe_source):
    build_second_petr(drome_api)
    pages = Page.objects.live().filter(depth__gt=1).specific()
    territory = TerritoryPage.objects.live().get().url
    commune = Commune.objects.get(
        name="Grignan"
    )  # in the Enclave des Papes, across two départements
    paths = [page.url for page in pages] + [
        f"{territory}{commune.slug}/",
        f"{territory}communautes/{Epci.objects.first().slug}/",
        f"{territory}?commune={commune.postal_codes.split()[0]}",
    ]
    assert len({type(page) for page in pages}) >= 17  # the page types a new site starts with
    browser_page = browser.new_page(viewport={"width": 375, "height": 900})
    report = {}
    for path in paths:
        answer = browser_page.goto(live_seeded.url + path)
        assert answer.status == 200, path
        assert NAME in browser_page.content(), path
        browser_page.evaluate(axe_source)
        for violation in browser_page.evaluate(AXE_RUN, WCAG_TAGS)["violations"]:
            report[f"{path} {violation['id']}"] = [n["target"] for n in violation["nodes"]]
    browser_page.close()
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)

import json
from pathlib import Path

import pytest
from wagtail.models import Page, Site

from petr.core.models import SeedMark, SiteIdentity
from petr.territory.models import Commune, DataImport, Epci, TerritoryMap, TerritorySettings
from petr.territory.tests.geo_api import GeoApiServer

# A second PETR: three communautés of the Drôme, one across the Drôme and the Vaucluse.
FIXTURE = Path(__file__).resolve().parents[2] / "territory/tests/fixtures/perimeter-drome.json"
SIRENS = ["200040681", "242600492", "200042901"]
NAME = "PETR du Pays de Grignan et de Dieulefit"


@pytest.fixture
def drome_api(settings):
    settings.TERRITORY_API = {**settings.TERRITORY_API, "TIMEOUT": 0.5, "RETRIES": 0}
    server = GeoApiServer(json.loads(FIXTURE.read_text(encoding="utf-8")))
    yield server
    server.close()


def empty():
    """What `migrate` leaves: no site, no page, no territory, nothing seeded."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    Commune.everywhere.all().delete()
    for model in (SeedMark, Epci, DataImport, TerritoryMap, TerritorySettings, SiteIdentity):
        model._base_manager.all().delete()


@pytest.fixture
def empty_installation(seeded):
    empty()

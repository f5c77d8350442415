import dataclasses
from decimal import Decimal

import pytest
from django.core.management import call_command

from petr.territory.figures import territory_figures
from petr.territory.loading import unique_slugs
from petr.territory.models import Commune, DataImport, Epci
from petr.territory.snapshot import TerritoryDataError, load_snapshot, validate


def test_snapshot_parses_to_the_official_perimeter():
    data = load_snapshot()
    assert len(data.epcis) == 4
    assert len(data.communes) == 123
    assert sum(c.population for c in data.communes) == 25292


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: dataclasses.replace(c, epci_siren="999999999"), "hors périmètre"),
        (lambda c: dataclasses.replace(c, population=0), "non positive"),
        (lambda c: dataclasses.replace(c, surface_ha=Decimal("-1")), "non positive"),
        (lambda c: dataclasses.replace(c, code_insee="5501"), "Code INSEE invalide"),
    ],
)
def test_validation_refuses_bad_communes(change, message):
    data = load_snapshot()
    broken = dataclasses.replace(data, communes=(change(data.communes[0]), *data.communes[1:]))
    with pytest.raises(TerritoryDataError, match=message):
        validate(broken)


def test_validation_refuses_an_epci_without_communes():
    data = load_snapshot()
    siren = data.epcis[0].siren
    kept = tuple(c for c in data.communes if c.epci_siren != siren)
    with pytest.raises(TerritoryDataError, match="sans commune"):
        validate(dataclasses.replace(data, communes=kept))


def test_unreadable_snapshot_gives_a_french_error(tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(TerritoryDataError, match="Instantané illisible"):
        load_snapshot(path)


def test_shared_names_get_distinct_slugs():
    assert unique_slugs({"55001": "Ville", "55002": "Ville", "55003": "Autre"}) == {
        "55001": "ville-55001",
        "55002": "ville-55002",
        "55003": "autre",
    }


@pytest.mark.django_db
def test_load_command_is_idempotent_and_logged():
    call_command("load_territory")
    call_command("load_territory")
    assert Epci.objects.count() == 4
    assert Commune.objects.count() == 123
    assert DataImport.objects.filter(succeeded=True).count() == 2
    call_command("load_territory", if_empty=True)
    assert DataImport.objects.count() == 2


@pytest.mark.django_db
def test_figures_are_computed_from_the_rows():
    assert territory_figures() is None
    call_command("load_territory")
    figures = territory_figures()
    assert (figures.epci_count, figures.commune_count, figures.population) == (4, 123, 25292)
    assert round(figures.area_km2) == 1599
    assert figures.population_vintage == 2023
    assert "Licence Ouverte 2.0" in figures.attribution

    commune = Commune.objects.get(code_insee="55017")
    commune.population += 8
    commune.save()
    assert territory_figures().population == 25300


def test_french_sort_ignores_accents():
    from petr.territory.blocks import french_sort_key

    names = ["Woimbey", "Évres", "Érize-Saint-Dizier", "Autrécourt-sur-Aire"]
    assert sorted(names, key=french_sort_key) == [
        "Autrécourt-sur-Aire",
        "Érize-Saint-Dizier",
        "Évres",
        "Woimbey",
    ]

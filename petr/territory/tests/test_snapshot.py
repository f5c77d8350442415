import dataclasses
from decimal import Decimal

import pytest
from django.conf import settings

from petr.core.starter import StarterPack
from petr.territory.figures import territory_figures
from petr.territory.loading import unique_slugs
from petr.territory.models import Commune, DataImport, Epci, TerritorySettings
from petr.territory.parsing import TerritoryDataError, parse_sirens, read_territory, validate
from petr.territory.sources import SnapshotSource, SourceError

# The members of the starter pack the tests build the site from, which the snapshot holds.
SIRENS = tuple(StarterPack(settings.STARTER_PACK).get("territory.members"))


def snapshot_data():
    return read_territory(SnapshotSource(), SIRENS)


def test_snapshot_parses_to_the_official_perimeter():
    data = snapshot_data()
    assert len(data.epcis) == 4
    assert len(data.communes) == 123
    assert sum(c.population for c in data.communes) == 25292
    assert data.population_vintage == 2023


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: dataclasses.replace(c, epci_siren="999999999"), "hors périmètre"),
        (lambda c: dataclasses.replace(c, population=0), "non positive"),
        (lambda c: dataclasses.replace(c, surface_ha=Decimal("-1")), "non positive"),
        (lambda c: dataclasses.replace(c, code_insee="5501"), "Code INSEE invalide"),
        (lambda c: dataclasses.replace(c, postal_codes=("5530",)), "Code postal invalide"),
    ],
)
def test_validation_refuses_bad_communes(change, message):
    data = snapshot_data()
    broken = dataclasses.replace(data, communes=(change(data.communes[0]), *data.communes[1:]))
    with pytest.raises(TerritoryDataError, match=message):
        validate(broken, SIRENS)


def test_validation_refuses_a_duplicate_commune():
    data = snapshot_data()
    broken = dataclasses.replace(data, communes=(*data.communes, data.communes[0]))
    with pytest.raises(TerritoryDataError, match="en double"):
        validate(broken, SIRENS)


def test_validation_wants_exactly_the_configured_epcis():
    with pytest.raises(TerritoryDataError, match="configurées"):
        validate(snapshot_data(), SIRENS[:3])


def test_unreadable_snapshot_gives_a_french_error(tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(SourceError, match="Instantané illisible"):
        SnapshotSource(path)


def test_sirens_setting_is_parsed_and_checked():
    assert parse_sirens("200066140\n 245500327, 200066140") == ("200066140", "245500327")
    with pytest.raises(TerritoryDataError, match="12345"):
        parse_sirens("200066140 12345")


@pytest.mark.django_db
def test_invalid_sirens_are_refused_by_the_settings_form():
    from django.core.exceptions import ValidationError

    settings = TerritorySettings.load()
    settings.member_sirens = "20006614"
    with pytest.raises(ValidationError, match="SIREN invalide"):
        settings.full_clean()


def test_shared_names_get_distinct_slugs():
    assert unique_slugs({"55001": "Ville", "55002": "Ville", "55003": "Autre"}) == {
        "55001": "ville-55001",
        "55002": "ville-55002",
        "55003": "autre",
    }


def test_seeding_loads_once_and_sets_the_seats(seeded):
    from django.core.management import call_command

    assert Epci.objects.count() == 4 and Commune.objects.count() == 123
    assert DataImport.objects.filter(succeeded=True).count() == 1
    assert Epci.objects.get(siren="245500327").seat.name == "Saint-Mihiel"
    call_command("seed_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DataImport.objects.count() == 1


def test_figures_are_computed_from_the_rows(seeded):
    figures = territory_figures()
    assert (figures.epci_count, figures.commune_count, figures.population) == (4, 123, 25292)
    assert round(figures.area_km2) == 1599
    assert figures.population_vintage == 2023
    assert "Licence Ouverte 2.0" in figures.attribution

    commune = Commune.objects.get(code_insee="55017")
    commune.population += 8
    commune.save()
    assert territory_figures().population == 25300


@pytest.mark.django_db
def test_no_figures_before_any_import():
    Commune.objects.all().delete()
    assert territory_figures() is None


def test_french_sort_ignores_accents():
    from petr.core.french.sorting import french_sort_key

    names = ["Woimbey", "Évres", "Érize-Saint-Dizier", "Autrécourt-sur-Aire"]
    assert sorted(names, key=french_sort_key) == [
        "Autrécourt-sur-Aire",
        "Érize-Saint-Dizier",
        "Évres",
        "Woimbey",
    ]

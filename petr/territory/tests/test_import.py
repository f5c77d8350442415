"""The live import, run by its command against a real HTTP server on 127.0.0.1."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from petr.territory.figures import territory_figures
from petr.territory.models import Commune, DataImport, Epci, TerritoryMap, TerritorySettings
from petr.territory.sources import communes_path, contours_path, epci_path
from petr.web.http import CappedRetry

from .geo_api import GeoApiServer

SAMMIELLOIS = "245500327"
FRESNES = "245501176"
SAINT_MIHIEL = "55463"


@pytest.fixture
def geo_api(settings):
    settings.TERRITORY_API = {
        **settings.TERRITORY_API,
        "TIMEOUT": 0.2,
        "RETRIES": 2,
        "BACKOFF": 0,
    }
    server = GeoApiServer()
    settings.TERRITORY_API["BASE_URL"] = server.url
    yield server
    server.close()


def run_import(*args):
    out = io.StringIO()
    call_command("import_territory", *args, stdout=out)
    return out.getvalue()


def territory_state():
    """Every row the import may write, to prove a failed run changed none of them."""
    return [
        [model_to_dict(row) for row in model.objects.order_by("pk")]
        for model in (Epci, Commune, TerritoryMap)
    ] + [list(DataImport.objects.filter(succeeded=True).values())]


def test_api_import_matches_the_official_figures_and_is_logged(seeded, geo_api):
    out = run_import("--source", "api")

    assert "Territoire importé" in out
    figures = territory_figures()
    assert (figures.epci_count, figures.commune_count, figures.population) == (4, 123, 25292)
    run = DataImport.objects.latest()
    assert run.succeeded and run.source == "api"
    assert run.data_version == "@etalab/decoupage-administratif 6.0.0"
    assert run.population_vintage == 2023
    agents = {agent for _, agent in geo_api.requests}
    assert len(agents) == 1 and "petr-portal" in agents.pop()


def test_identical_import_changes_nothing_and_keeps_the_map(seeded, geo_api):
    drawn = TerritoryMap.objects.get()
    run_import("--source", "api")
    run = DataImport.objects.latest()
    assert run.changes["added"] == run.changes["removed"] == run.changes["population"] == []
    assert "Carte redessinée" not in run.summary
    assert TerritoryMap.objects.get().built_at == drawn.built_at


@pytest.mark.parametrize(("asked", "waited"), [("7", 7), ("86400", 120)])
def test_retry_after_429_is_honoured_up_to_two_minutes(seeded, geo_api, monkeypatch, asked, waited):
    waits = []

    def sleep_for_retry(retry, response):  # records the wait instead of taking it
        waits.append(retry.get_retry_after(response))
        return True

    monkeypatch.setattr(CappedRetry, "sleep_for_retry", sleep_for_retry)
    path = epci_path(SAMMIELLOIS)
    geo_api.fail(path, status=429, headers={"Retry-After": asked}, times=1)
    run_import("--source", "api")
    assert [p for p, _ in geo_api.requests].count(path) == 2
    assert waits == [waited]
    assert DataImport.objects.latest().succeeded


def test_transient_server_error_is_retried(seeded, geo_api):
    geo_api.fail(communes_path(FRESNES), status=503, times=2)
    run_import("--source", "api")
    assert DataImport.objects.latest().succeeded


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (lambda api: api.fail(communes_path(FRESNES), status=500), "HTTP 500"),
        (lambda api: api.fail(communes_path(FRESNES), status=200, delay=0.5), "injoignable"),
        (
            lambda api: api.fail(communes_path(FRESNES), status=200, body=b"{pas du json"),
            "JSON valide",
        ),
        (lambda api: api.fail(epci_path(FRESNES), status=404), "introuvable"),
        (lambda api: api.fail("/infos", status=200, body=b"[]"), "mal formée"),
        (lambda api: api.fail(contours_path(FRESNES), status=500), "HTTP 500"),
        (lambda api: api.fail(contours_path(FRESNES), status=200, body=b"[]"), "Contours attendus"),
    ],
    ids=[
        "http-500",
        "timeout",
        "invalid-json",
        "missing-epci",
        "malformed-infos",
        "contours-500",
        "contours-shape",
    ],  # fmt: skip
)
def test_failures_leave_the_database_untouched(seeded, geo_api, fault, message):
    before = territory_state()
    fault(geo_api)
    with pytest.raises(CommandError, match=message) as error:
        run_import("--source", "api")
    assert "rien n'a été modifié" in str(error.value)
    assert territory_state() == before
    failed = DataImport.objects.latest()
    assert not failed.succeeded and message in failed.summary


def edit_communes(api, siren, change):
    path = communes_path(siren)
    communes = api.responses[path]
    api.responses[path] = change(communes)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda cs: [{**cs[0], "codeEpci": FRESNES}, *cs[1:]], "rattachée à"),
        (lambda cs: [{**cs[0], "population": 0}, *cs[1:]], "non positive"),
        (lambda cs: [{**cs[0], "population": "12"}, *cs[1:]], "entier attendu"),
        (lambda cs: [{**cs[0], "code": "5546"}, *cs[1:]], "Code INSEE invalide"),
        (lambda cs: [{k: v for k, v in cs[0].items() if k != "surface"}, *cs[1:]], "mal formée"),
        (lambda cs: [], "sans commune"),
        (lambda cs: {"message": "oops"}, "Liste de communes attendue"),
    ],
    ids=[
        "wrong-epci",
        "zero-population",
        "text-population",
        "bad-code",
        "partial",
        "empty",
        "shape",
    ],
)
def test_invalid_payloads_are_refused_before_writing(seeded, geo_api, change, message):
    before = territory_state()
    edit_communes(geo_api, SAMMIELLOIS, change)
    with pytest.raises(CommandError, match=message):
        run_import("--source", "api")
    assert territory_state() == before


def without_contour(features, code, geometry=None):
    return [f if f["properties"]["code"] != code else {**f, "geometry": geometry}
            for f in features]  # fmt: skip


@pytest.mark.parametrize(
    "geometry",
    [None, {"type": "Point", "coordinates": [5.5, 49.0]}, {"type": "Polygon", "coordinates": [[]]}],
    ids=["absent", "a-point", "empty"],
)
def test_a_commune_without_a_usable_contour_stops_the_import(seeded, geo_api, geometry):
    before = territory_state()
    contours = geo_api.responses[contours_path(SAMMIELLOIS)]
    code = contours["features"][0]["properties"]["code"]
    geo_api.responses[contours_path(SAMMIELLOIS)] = {
        **contours, "features": without_contour(contours["features"], code, geometry),
    }  # fmt: skip
    with pytest.raises(CommandError, match=f"Contour absent ou illisible pour .* \\({code}\\)"):
        run_import("--source", "api")
    assert territory_state() == before


def test_the_map_is_drawn_from_the_outlines_the_api_gives(seeded, geo_api):
    """A changed outline in the API's answer redraws the commune, its communauté and the map."""
    contours = geo_api.responses[contours_path(SAMMIELLOIS)]
    feature = contours["features"][0]
    code = feature["properties"]["code"]
    before = Commune.objects.get(code_insee=code).map_path
    square = [[[5.5, 48.9], [5.6, 48.9], [5.6, 49.0], [5.5, 49.0], [5.5, 48.9]]]
    feature["geometry"] = {"type": "Polygon", "coordinates": square}
    run_import("--source", "api")
    commune = Commune.objects.get(code_insee=code)
    assert commune.outline == {"type": "Polygon", "coordinates": square}
    assert commune.map_path != before and "Carte redessinée" in DataImport.objects.latest().summary


def test_a_perimeter_change_updates_every_figure_and_the_map(seeded, geo_api):
    settings = TerritorySettings.load()
    settings.member_sirens = "\n".join(s for s in settings.sirens if s != FRESNES)
    settings.save()
    drawn = TerritoryMap.objects.get()

    out = run_import("--source", "api")

    figures = territory_figures()
    assert (figures.epci_count, figures.commune_count) == (3, 123 - 32)
    assert figures.population == 25292 - 4818
    assert not Epci.objects.filter(siren=FRESNES).exists()
    assert "− communauté CC du Territoire de Fresnes-en-Woëvre" in out
    new_map = TerritoryMap.objects.get()
    assert new_map.fingerprint != drawn.fingerprint
    assert new_map.width == drawn.width and new_map.height != drawn.height  # refitted frame
    run = DataImport.objects.latest()
    assert len(run.changes["removed"]) == 32 and run.changes["epcis_removed"]


def test_a_big_drop_in_communes_needs_force(seeded, geo_api):
    edit_communes(geo_api, SAMMIELLOIS, lambda cs: cs[:2])  # 17 of 123 communes vanish
    before = territory_state()
    with pytest.raises(CommandError, match="--force"):
        run_import("--source", "api")
    assert territory_state() == before

    run_import("--source", "api", "--force")
    assert Commune.objects.count() == 123 - 17


def test_dry_run_prints_the_changes_and_writes_nothing(seeded, geo_api):
    edit_communes(
        geo_api,
        SAMMIELLOIS,
        lambda cs: [{**c, "population": 3800} if c["code"] == SAINT_MIHIEL else c for c in cs],
    )
    before, runs = territory_state(), DataImport.objects.count()

    out = run_import("--source", "api", "--dry-run")

    assert "Saint-Mihiel (55463) : 3772 → 3800 hab." in out
    assert "population 25292 → 25320" in out
    assert "Simulation" in out
    assert territory_state() == before and DataImport.objects.count() == runs


def test_unknown_data_version_asks_for_the_vintage(seeded, geo_api):
    geo_api.responses["/infos"] = {"@etalab/decoupage-administratif": "7.0.0"}
    with pytest.raises(CommandError, match="--millesime"):
        run_import("--source", "api")
    run_import("--source", "api", "--millesime", "2024")
    assert DataImport.objects.latest().population_vintage == 2024


def test_snapshot_and_api_read_the_same_data(seeded, geo_api):
    run_import("--source", "snapshot")
    from_snapshot = territory_state()[:2]
    run_import("--source", "api")
    assert territory_state()[:2] == from_snapshot


def test_unconfigured_perimeter_is_a_clear_error(seeded, geo_api):
    TerritorySettings.objects.update(member_sirens="")
    with pytest.raises(CommandError, match="Aucune communauté membre"):
        run_import("--source", "api")


def test_snapshot_file_is_api_shaped():
    """The snapshot is what make run and CI import: it must hold every request the import makes."""
    from petr.territory.sources import SNAPSHOT_PATH

    responses = json.loads(SNAPSHOT_PATH.read_text(encoding="utf-8"))
    assert "/infos" in responses
    epci_keys = [k for k in responses if k.startswith("/epcis/") and k.count("/") == 2]
    assert len(epci_keys) == 4


def test_a_failure_while_writing_rolls_everything_back(seeded, geo_api, monkeypatch):
    """Communes are already rewritten when the map is redrawn: a crash there must undo them."""
    settings = TerritorySettings.load()
    settings.member_sirens = "\n".join(s for s in settings.sirens if s != FRESNES)
    settings.save()
    before = territory_state()

    def crash(*args, **kwargs):
        raise OSError("disque plein")

    monkeypatch.setattr("petr.territory.loading.geometry.draw", crash)
    with pytest.raises(CommandError, match="disque plein"):
        run_import("--source", "api")
    assert territory_state() == before
    assert Commune.objects.filter(epci__siren=FRESNES).count() == 32


def test_staff_read_what_an_import_changed(seeded, geo_api, admin_client):
    edit_communes(
        geo_api,
        SAMMIELLOIS,
        lambda cs: [{**c, "population": 3800} if c["code"] == SAINT_MIHIEL else c for c in cs],
    )
    run_import("--source", "api")
    run = DataImport.objects.latest()
    html = admin_client.get(f"/admin/territoire/imports/inspect/{run.pk}/").content.decode()
    assert "Saint-Mihiel (55463) : 3772 → 3800 hab." in html
    assert "@etalab/decoupage-administratif 6.0.0" in html

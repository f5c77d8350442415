"""The register of acts in the national format: /donnees/deliberations.csv validated by the
Frictionless validator against the shipped SCDL « Délibérations » schema; only live public
deliberations with their matter; the PETR's SIRET from the identity."""

import csv
import io
import json
from pathlib import Path

import pytest
from frictionless import Resource, Schema, validate
from wagtail.models import Site

from petr.core.models import SiteIdentity
from petr.library.models import ActPage

from .helpers import publish_act

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "scdl-deliberations.schema.json"
SIRET = "20000000800017"  # fictional, with a valid key


def identify(siret=SIRET):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.legal_name, identity.siret = "PETR d'essai", siret
    identity.full_clean()
    identity.save()
    return identity


def download(client):
    response = client.get("/donnees/deliberations.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return response.content


def frictionless_report(content, tmp_path):
    path = tmp_path / "deliberations.csv"
    path.write_bytes(content)
    resource = Resource(path=path.name, basepath=str(tmp_path),
                        schema=Schema.from_descriptor(json.loads(SCHEMA.read_text())))  # fmt: skip
    return validate(resource)


def test_the_file_is_valid_scdl_and_lists_only_live_public_deliberations(client, seeded, tmp_path):
    identify()
    budget = publish_act("Adoption du budget primitif 2027", number="2026-001")
    publish_act("=Ne doit pas être une formule", number="2026-002", matter="8.4")
    publish_act("Brouillon", number="2026-003", publish=False)
    publish_act("Arrêté du président", number="2026-004", kind=ActPage.Kind.ARRETE, matter="")
    content = download(client)
    assert not content.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    report = frictionless_report(content, tmp_path)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = list(csv.DictReader(io.StringIO(content.decode()), delimiter=";"))
    assert [row["DELIB_ID"] for row in rows] == ["2026-001", "2026-002"]
    first = rows[0]
    assert (first["COLL_NOM"], first["COLL_SIRET"]) == ("PETR d'essai", SIRET)
    assert first["DELIB_MATIERE_CODE"] == "7.1"
    assert first["DELIB_MATIERE_NOM"] == "finances locales/décisions budgétaires"
    assert first["DELIB_URL"] == f"http://testserver{budget.url}fichier/"
    assert rows[1]["DELIB_OBJET"].startswith("'=")  # a spreadsheet shows it, never runs it
    page = client.get(budget.url).content.decode()
    assert "DELIB_ID 2026-001" in page and 'href="/donnees/deliberations.csv"' in page


def test_a_row_breaking_the_schema_is_caught_by_the_validator(client, seeded, tmp_path):
    """The test can fail: a date in the French way is not SCDL's ISO date."""
    identify()
    publish_act(number="2026-001")
    content = download(client).replace(b";2026-12-08;", b";08/12/2026;")
    assert not frictionless_report(content, tmp_path).valid


def test_without_a_siret_the_file_has_its_header_only(client, seeded, tmp_path):
    publish_act(number="2026-001")
    content = download(client)
    assert content.decode().splitlines() == [";".join(
        ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
         "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
         "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE",
         "VOTE_ABSTENTION", "DELIB_URL"])]  # fmt: skip
    assert frictionless_report(content, tmp_path).valid


def test_a_deliberation_needs_its_matter_and_the_siret_its_key(seeded):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="matière"):
        publish_act(number="2026-009", matter="")
    with pytest.raises(ValidationError, match="clé"):
        identify("20000000800018")

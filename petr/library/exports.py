"""The register of acts as open data, in the national format: SCDL « Délibérations » (the
schema ships in `data/`), one row per live public deliberation that has its ACTES matter, the
PETR named and identified by its SIRET from the site's identity (never typed twice)."""

import csv
import io

from django.http import HttpResponse
from wagtail.models import Site

from petr.core.models import SiteIdentity
from petr.core.opendata import register_file
from petr.web.shared_lookups import public
from petr.web.spreadsheets import formula_safe

from . import actes
from .models import ActPage

FILENAME = "deliberations.csv"
COLUMNS = [
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE",
    "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
]  # fmt: skip


def deliberations():
    """What the file lists: live public deliberations with a matter, the latest first."""
    acts = public(ActPage.objects.live()).filter(kind=ActPage.Kind.DELIBERATION)
    return acts.exclude(matter="").order_by("-decision_date", "number")


def rows(request):
    identity = SiteIdentity.for_site(Site.find_for_request(request))
    if not identity.siret:
        return  # required in every row: the file waits for it (the go-live check says so)
    name = identity.legal_name or identity.name
    for act in deliberations():
        yield {
            "COLL_NOM": formula_safe(name),
            "COLL_SIRET": identity.siret,
            "DELIB_ID": act.number,
            "DELIB_DATE": act.decision_date.isoformat(),
            "DELIB_MATIERE_CODE": act.matter,
            "DELIB_MATIERE_NOM": actes.scdl_name(act.matter),
            "DELIB_OBJET": formula_safe(act.title),  # typed by staff: never a formula
            "DELIB_URL": request.build_absolute_uri(f"{act.url}fichier/"),
        }


def _file(request):
    buffer = io.StringIO()
    # UTF-8 without a byte-order mark, « ; » between fields: the format's validators read it.
    writer = csv.DictWriter(buffer, COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(request))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response


register_file(
    FILENAME, _file, "Délibérations",
    "Les délibérations publiées au registre des actes, au format national SCDL « Délibérations » : "
    "date, matière, objet et lien vers l'acte.",
    "https://schema.data.gouv.fr/scdl/deliberations/",
)  # fmt: skip

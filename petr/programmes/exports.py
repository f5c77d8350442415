"""The programmes' open data: supported projects (one column per funder), actions, and their
indicators with the last measure, from the published pages only (petr/core/opendata.py writes
the files). A private person's name is never in them, as on the pages."""

from django.db.models import Max
from django.utils import timezone

from petr.core.opendata import LICENCE, Column, Dataset, register
from petr.missions.models import MissionPage
from petr.web.shared_lookups import public

from .choices import Funder
from .models import ActionPage, ProgrammePage, ProjectPage

SEPARATOR = " | "
SOURCE = "Saisie par l'équipe du site, d'après les décisions des comités de programmation."


def funder_column(funder):
    return "aide_" + funder.value.replace("-", "_")


PROJECT_COLUMNS = [
    Column("id", "Identifiant", "integer"),
    Column("titre", "Projet"),
    Column("page", "Page du projet", "anyURI"),
    Column("missions", "Missions"),
    Column("programmes", "Programmes"),
    Column("actions", "Fiches actions (numéro et titre)"),
    Column("beneficiaire", "Bénéficiaire (« Un particulier » pour une personne physique)"),
    Column("nature_beneficiaire", "Nature du bénéficiaire"),
    Column("communes", "Communes"),
    Column("codes_insee", "Codes INSEE des communes (séparés par une espace)"),
    Column("cout_total", "Coût total (€)", "decimal", 2),
    Column("aides_total", "Total des aides (€)", "decimal", 2),
    Column("taux_aide", "Taux d'aide (%)", "decimal", 1),
    *[Column(funder_column(f), f"Aide : {f.label} (€)", "decimal", 2) for f in Funder],
    Column("autres_financeurs", "Noms des autres financeurs"),
    Column("verse_total", "Total versé (€)", "decimal", 2),
    Column("date_comite", "Date du comité", "date"),
    Column("etat", "État"),
]
ACTION_COLUMNS = [
    Column("id", "Identifiant", "integer"),
    Column("programme", "Programme"),
    Column("axe", "Axe"),
    Column("numero", "Numéro de la fiche"),
    Column("titre", "Fiche action"),
    Column("page", "Page de la fiche", "anyURI"),
    Column("etat", "État"),
    Column("pilote", "Pilote"),
    Column("public_vise", "Public visé"),
    Column("budget", "Budget (€)", "decimal", 2),
    Column("communes", "Communes concernées (vide : tout le territoire)"),
    Column("nombre_projets", "Projets soutenus publiés", "integer"),
]
INDICATOR_COLUMNS = [
    Column("action_id", "Identifiant de la fiche action", "integer"),
    Column("action", "Fiche action"),
    Column("programme", "Programme"),
    Column("indicateur", "Indicateur"),
    Column("unite", "Unité"),
    Column("valeur_depart", "Valeur de départ", "decimal", 2),
    Column("cible", "Cible", "decimal", 2),
    Column("derniere_valeur", "Dernière valeur mesurée", "decimal", 2),
    Column("date_mesure", "Date de la dernière mesure", "date"),
    Column("avancement_pct", "Avancement vers la cible (%)", "integer"),
]


class Programmes:
    """The programme and mission above each action, from two queries."""

    def __init__(self):
        self.by_path = {p.path: p for p in public(ProgrammePage.objects.live())}
        parents = {p.path[: -p.steplen] for p in self.by_path.values()}
        self.missions = {m.path: m for m in MissionPage.objects.filter(path__in=parents)}

    def of(self, action):
        return self.by_path.get(action.path[: -action.steplen])

    def mission_of(self, programme):
        return self.missions.get(programme.path[: -programme.steplen]) if programme else None


def _url(page, request):
    return request.build_absolute_uri(page.get_url(request))


def _names(items):
    return SEPARATOR.join(dict.fromkeys(str(item) for item in items if item))


def _project_rows(request):
    frame = Programmes()
    projects = (
        public(ProjectPage.objects.live())
        .prefetch_related("fundings", "communes", "actions")
        .order_by("pk")
    )
    for project in projects:
        actions = sorted(project.actions.all(), key=lambda a: (a.number, a.title))
        programmes = [frame.of(a) for a in actions]
        fundings = list(project.fundings.all())
        communes = sorted(project.communes.all(), key=lambda c: c.code_insee)
        row = {
            "id": project.pk,
            "titre": project.title,
            "page": _url(project, request),
            "missions": _names(frame.mission_of(p) for p in programmes),
            "programmes": _names(programmes),
            "actions": _names(f"{a.number} {a.title}".strip() for a in actions),
            "beneficiaire": project.public_beneficiary,
            "nature_beneficiaire": project.get_beneficiary_kind_display(),
            "communes": _names(c.name for c in communes),
            "codes_insee": " ".join(c.code_insee for c in communes),
            "cout_total": project.total_cost,
            "aides_total": project.total_aid,
            "taux_aide": project.aid_rate,
            "autres_financeurs": _names(f.other for f in fundings if f.funder == Funder.OTHER),
            "verse_total": sum(f.paid for f in fundings),
            "date_comite": project.committee_date.isoformat() if project.committee_date else "",
            "etat": project.get_status_display(),
        }
        for funder in Funder:
            amounts = [f.amount for f in fundings if f.funder == funder]
            row[funder_column(funder)] = sum(amounts) if amounts else None
        yield project, row


def _project_geometry(project):
    """The centres of its communes (a project has no outline of its own)."""
    points = [[c.longitude, c.latitude] for c in project.communes.all() if c.latitude is not None]
    if not points:
        return None
    return {"type": "MultiPoint", "coordinates": points}


def _actions():
    return public(ActionPage.objects.live()).prefetch_related("communes").order_by("path")


def _action_rows(request):
    frame = Programmes()
    counts = {}
    for action_id in public(ProjectPage.objects.live()).values_list("actions", flat=True):
        if action_id:
            counts[action_id] = counts.get(action_id, 0) + 1
    for action in _actions().select_related("axis"):
        programme = frame.of(action)
        yield (
            action,
            {
                "id": action.pk,
                "programme": programme.title if programme else "",
                "axe": str(action.axis) if action.axis else "",
                "numero": action.number,
                "titre": action.title,
                "page": _url(action, request),
                "etat": action.get_status_display(),
                "pilote": action.pilot,
                "public_vise": action.audience,
                "budget": action.budget,
                "communes": _names(sorted(c.name for c in action.communes.all())),
                "nombre_projets": counts.get(action.pk, 0),
            },
        )


def _indicator_rows(request):
    frame = Programmes()
    for action in _actions():
        programme = frame.of(action)
        for progress in action.progresses:
            yield (
                action,
                {
                    "action_id": action.pk,
                    "action": f"{action.number} {action.title}".strip(),
                    "programme": programme.title if programme else "",
                    "indicateur": progress.label,
                    "unite": progress.unit,
                    "valeur_depart": progress.baseline,
                    "cible": progress.target,
                    "derniere_valeur": progress.value,
                    "date_mesure": progress.measured_on.isoformat() if progress.measured_on else "",
                    "avancement_pct": progress.percent,
                },
            )


def _about(model, what):
    def about():
        latest = public(model.objects.live()).aggregate(Max("last_published_at"))
        modified = latest["last_published_at__max"] or timezone.now()
        return {
            "source": SOURCE,
            "modified": modified.isoformat(),
            "notes": [what],
            "metadata": {"source": SOURCE, "licence": LICENCE, "date": modified.isoformat()},
        }

    return about


register(Dataset(
    "projets", "Projets soutenus", PROJECT_COLUMNS, _project_rows,
    _about(ProjectPage, "Montants en euros. Un bénéficiaire personne physique n'est jamais nommé."),
    geometry=_project_geometry, staff_text=True,
))  # fmt: skip
register(Dataset(
    "actions", "Fiches actions des programmes", ACTION_COLUMNS, _action_rows,
    _about(ActionPage, "Une ligne par fiche action publiée."), staff_text=True,
))  # fmt: skip
register(Dataset(
    "indicateurs", "Indicateurs des fiches actions", INDICATOR_COLUMNS, _indicator_rows,
    _about(ActionPage, "Une ligne par indicateur ; avancement de la valeur de départ à la cible."),
    staff_text=True, primary_key=["action_id", "indicateur"],
))  # fmt: skip

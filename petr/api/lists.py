"""What each list of the API shows: live public content only (never a draft, a page behind a
password or a login, a private file), as plain dicts. A file is given by its page's `fichier/`
address, which serves it only while the page is live."""

import re

from django.db.models import Q

from petr.events.models import EventPage
from petr.library.models import ActPage, DocumentPage
from petr.missions.models import MissionPage
from petr.news.models import NewsPage
from petr.places.models import Place
from petr.programmes.models import ProjectPage
from petr.territory.models import Commune
from petr.web.shared_lookups import public


def absolute(request, path):
    return request.build_absolute_uri(path)


def news(request, mission, commune):
    pages = public(NewsPage.objects.live()).select_related("mission").order_by("-date", "-pk")
    pages = pages.filter(mission=mission) if mission else pages
    pages = pages.filter(communes=commune) if commune else pages
    return pages, lambda page: {
        "id": page.pk, "titre": page.title, "date": page.date, "resume": page.intro,
        "mission": page.mission.title if page.mission else None, "url": absolute(request, page.url),
    }  # fmt: skip


def events(request, mission, commune):
    pages = public(EventPage.objects.live()).select_related("commune", "mission")
    pages = pages.filter(mission=mission) if mission else pages
    pages = pages.filter(commune=commune) if commune else pages
    return pages.order_by("-start_date", "-pk"), lambda page: {
        "id": page.pk, "titre": page.title, "debut": page.start_date, "fin": page.end_date,
        "heure_debut": page.start_time, "commune": page.commune.name if page.commune else None,
        "adresse": page.address, "en_ligne": page.online_url or None,
        "url": absolute(request, page.url),
    }  # fmt: skip


def _files(request, model, mission, commune):
    pages = public(model.objects.live())
    if mission is not None:
        pages = pages.filter(mission=mission) if hasattr(model, "mission") else pages.none()
    return pages.none() if commune else pages  # an act or a document names no commune


def acts(request, mission, commune):
    pages = _files(request, ActPage, mission, commune).order_by("-decision_date", "-pk")
    return pages, lambda page: {
        "id": page.pk, "titre": page.title, "nature": page.get_kind_display(),
        "numero": page.number, "date": page.decision_date, "matiere": page.matter or None,
        "fichier": absolute(request, f"{page.url}fichier/"), "url": absolute(request, page.url),
    }  # fmt: skip


def documents(request, mission, commune):
    pages = _files(request, DocumentPage, mission, commune).order_by("-year", "title")
    return pages, lambda page: {
        "id": page.pk, "titre": page.title, "type": page.get_doc_type_display(),
        "annee": page.year, "fichier": absolute(request, f"{page.url}fichier/"),
        "url": absolute(request, page.url),
    }  # fmt: skip


def projects(request, mission, commune):
    pages = public(ProjectPage.objects.live()).prefetch_related("communes")
    if mission:
        pages = pages.filter(actions__path__startswith=mission.path).distinct()
    pages = pages.filter(communes=commune) if commune else pages
    return pages.order_by("-committee_date", "title", "pk"), lambda page: {
        "id": page.pk, "titre": page.title, "beneficiaire": page.beneficiary,
        "statut": page.get_status_display(), "date_comite": page.committee_date,
        "communes": [c.name for c in page.communes.all()], "url": absolute(request, page.url),
    }  # fmt: skip


def places(request, mission, commune):
    shown = Q(mission__in=MissionPage.listed()) | Q(mission=None)  # not a private mission's
    rows = Place.objects.filter(shown).select_related("commune", "mission")
    rows = rows.filter(mission=mission) if mission else rows
    rows = rows.filter(commune=commune) if commune else rows
    return rows.order_by("name", "pk"), lambda place: {
        "id": place.pk, "nom": place.name, "categorie": place.get_category_display(),
        "commune": place.commune.name if place.commune else None,
        "latitude": float(place.latitude), "longitude": float(place.longitude),
        "en_service": place.is_open,
    }  # fmt: skip


def communes(request, mission, commune):
    rows = Commune.objects.select_related("epci")
    rows = rows.filter(pk=commune.pk) if commune else rows
    rows = rows.none() if mission else rows
    return rows, lambda row: {
        "code_insee": row.code_insee, "nom": row.name, "codes_postaux": row.postal_codes,
        "population": row.population, "communaute": row.epci.name if row.epci else None,
    }  # fmt: skip


LISTS = {
    "actualites": news, "evenements": events, "actes": acts, "documents": documents,
    "projets": projects, "lieux": places, "communes": communes,
}  # fmt: skip


def is_slug(text):
    """Only a page's short address reaches the database (PostgreSQL refuses a NUL byte)."""
    return bool(re.fullmatch(r"[-\w]{1,255}", text))


def mission_of(slug):
    return public(MissionPage.objects.live()).filter(slug=slug).first() if is_slug(slug) else None


def commune_of(slug):
    return Commune.objects.filter(slug=slug).first() if is_slug(slug) else None

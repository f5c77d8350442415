"""Several times more projects, actions and places: every page and file that lists them keeps the
number of SQL queries it has with a handful (a few items prove growth-independence)."""

import datetime
from decimal import Decimal

import pytest

from petr.missions.models import MissionPage
from petr.places.models import Category, Place
from petr.programmes.models import (
    ActionPage,
    ProgrammePage,
    ProjectFunding,
    ProjectIndexPage,
    ProjectPage,
)
from petr.territory.models import Commune, TerritoryPage

pytestmark = pytest.mark.django_db

FILES = ["projets.csv", "projets.geojson", "actions.csv", "indicateurs.csv", "lieux.csv",
         "lieux.geojson", "lieux-covoiturage.csv"]  # fmt: skip


def grow(projects, actions, places, start=0):
    """Pages are added without revisions: the listings read live pages, and this keeps the
    test to a few seconds."""
    leader, cls = (
        ProgrammePage.objects.get(slug="programme-leader-2023-2027"),
        ProgrammePage.objects.get(slug="cls-3"),
    )
    communes = list(Commune.objects.exclude(latitude=None).order_by("code_insee"))
    axis = cls.axes.first()
    indicator = {"label": "Ateliers", "unit": "", "baseline": 0, "target": 10,
                 "measurements": [{"date": datetime.date(2026, 1, 5), "value": 3}]}  # fmt: skip
    made = []
    for i in range(start, start + actions):
        parent = leader if i % 2 else cls
        action = ActionPage(title=f"Action {i}", slug=f"action-{i}", number=str(i),
                            axis=axis if parent is cls else None,
                            indicators=[("indicator", indicator)])  # fmt: skip
        parent.add_child(instance=action)
        action.communes.set(communes[i % 7 : i % 7 + 2])
        action.save()
        made.append(action)
    index = ProjectIndexPage.objects.get()
    for i in range(start, start + projects):
        project = ProjectPage(
            title=f"Projet {i}", slug=f"projet-{i}", beneficiary="Commune",
            beneficiary_kind="commune", total_cost=Decimal(50000),
            committee_date=datetime.date(2024 + i % 3, 3, 1),
            fundings=[ProjectFunding(funder="leader", amount=Decimal(20000), paid=Decimal(500)),
                      ProjectFunding(funder="region", amount=Decimal(5000))],
        )  # fmt: skip
        index.add_child(instance=project)
        project.communes.set(communes[i % 11 : i % 11 + 3])
        project.actions.set(made[i % len(made) : i % len(made) + 2])
        project.save()
    mobility = MissionPage.objects.get(slug="mobilite")
    Place.objects.bulk_create(
        Place(name=f"Aire {i}", category=[Category.CARPOOL, Category.HITCHHIKING][i % 2],
              carpool_type=["Aire de covoiturage", "Auto-stop"][i % 2], local_id=f"G{i}",
              mission=mobility, commune=communes[i % len(communes)],
              longitude=Decimal(f"{communes[i % len(communes)].longitude:.6f}"),
              latitude=Decimal(f"{communes[i % len(communes)].latitude:.6f}"))
        for i in range(start, start + places)
    )  # fmt: skip


def test_listings_map_dashboard_and_files_keep_their_query_count(seeded, query_counts):
    grow(projects=3, actions=2, places=3)
    commune = Commune.objects.exclude(latitude=None).order_by("code_insee").first()
    urls = [
        "/projets-soutenus/", "/projets-soutenus/?carte=montant",
        "/projets-soutenus/?status=programme&page=1",
        ProgrammePage.objects.get(slug="programme-leader-2023-2027").url,  # the envelope dashboard
        ProgrammePage.objects.get(slug="cls-3").url,
        ProgrammePage.objects.get(slug="cls-3").url + "synthese/",
        MissionPage.objects.get(slug="mobilite").url,  # places
        MissionPage.objects.get(slug="contrat-local-de-sante").url,  # axes and actions
        f"{TerritoryPage.objects.live().first().url}{commune.slug}/",
        *(f"/donnees/{name}" for name in FILES),
    ]  # fmt: skip
    before = query_counts(urls)
    grow(projects=20, actions=12, places=30, start=10)
    assert ProjectPage.objects.count() >= 20 and Place.objects.count() >= 30
    assert query_counts(urls) == before

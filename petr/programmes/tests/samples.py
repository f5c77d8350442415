"""Sample content the site-wide checks publish: an action of the health contract, with an
indicator measured once."""

import datetime
from decimal import Decimal

from petr.programmes.models import (
    ActionPage,
    ProgrammePage,
    ProjectFunding,
    ProjectIndexPage,
    ProjectPage,
)
from petr.territory.models import Commune


def publish():
    programme = ProgrammePage.objects.get(slug="cls-3")
    action = ActionPage(
        title="Ateliers nutrition dans les écoles",
        number="3.1",
        axis=programme.axes.get(number="3"),
        status=ActionPage.Status.ONGOING,
        pilot="Coordination du CLS",
        indicators=[
            (
                "indicator",
                {
                    "label": "Ateliers menés",
                    "unit": "ateliers",
                    "baseline": 0,
                    "target": 20,
                    "measurements": [{"date": datetime.date(2026, 6, 30), "value": 8}],
                },
            )
        ],
    )
    programme.add_child(instance=action)
    action.save_revision().publish()
    project = ProjectPage(
        title="Cantine bio de l'école de Vigneulles",
        beneficiary="Commune de Vigneulles-lès-Hattonchâtel",
        beneficiary_kind=ProjectPage.Kind.COMMUNE,
        total_cost=Decimal("48000"),
        status=ProjectPage.Status.ONGOING,
        fundings=[ProjectFunding(funder="leader", amount=Decimal("19200"), paid=Decimal("5000"))],
    )
    ProjectIndexPage.objects.get().add_child(instance=project)
    project.communes.set(Commune.objects.filter(slug="vigneulles-les-hattonchatel"))
    project.actions.set([action])
    project.save_revision().publish()
    return ["/projets-soutenus/?status=en-cours", f"{programme.url}synthese/"]

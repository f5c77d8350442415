"""Sample content the site-wide checks publish: an action of the health contract, with an
indicator measured once."""

import datetime

from petr.programmes.models import ActionPage, ProgrammePage


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
    return []

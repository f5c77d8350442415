"""Sample content the site-wide checks publish (page types, accessibility, valid HTML); returns
the addresses worth visiting beyond one page of each type."""

import datetime

from petr.missions.models import MissionPage

from .helpers import publish_event


def publish():
    event = publish_event(
        "Atelier covoiturage",
        start_time=datetime.time(18),
        address="Salle des fêtes",
        organiser="Le PETR",
        registration_url="https://example.fr/inscription",
        online_url="https://example.fr/visio",
        mission=MissionPage.objects.get(slug="mobilite"),
    )
    publish_event("Atelier passé", -10)
    return [event.url, "/agenda/passes/"]

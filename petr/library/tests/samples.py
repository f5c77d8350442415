"""Sample content the site-wide checks publish (page types, accessibility, valid HTML); returns
the addresses worth visiting beyond one page of each type."""

from petr.missions.models import MissionPage

from .helpers import meeting, publish_act, publish_document


def publish():
    first = publish_act(meeting=meeting())
    correction = publish_act("Rectification du budget", corrects=first)
    publish_document(mission=MissionPage.objects.get(slug="mobilite"))
    return [first.url, correction.url]

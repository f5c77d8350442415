"""Sample content the site-wide checks publish (page types, accessibility, valid HTML); returns
the addresses worth visiting beyond one page of each type."""

from petr.missions.models import MissionPage
from petr.territory.models import Commune

from .helpers import publish_news


def publish():
    publish_news(
        1,
        mission=MissionPage.objects.get(slug="mobilite"),
        communes=list(Commune.objects.filter(slug__in=["saint-mihiel", "woel"])),
    )
    return ["/actualites/?mission=inconnue"]  # the filter's error message

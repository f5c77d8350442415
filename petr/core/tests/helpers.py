import datetime

from django.utils import timezone
from wagtail.models import Revision


def pass_the_time(page):
    """As if the clock reached the go-live time: the scheduled moment is now in the past."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    for revision in Revision.objects.filter(object_id=str(page.pk)).exclude(
        approved_go_live_at=None
    ):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save()


# The site's default cache pointed at a port where no Redis listens.
REDIS_AWAY = {
    "default": {
        "BACKEND": "petr.web.cache.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}

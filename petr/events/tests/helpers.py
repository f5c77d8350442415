import datetime

from django.utils import timezone

from petr.events.models import EventIndexPage, EventPage
from petr.territory.models import Commune
from petr.web.shared_lookups import in_served_site


def publish_event(title="Conseil syndical", days_from_today=10, **fields):
    """Publish an event under the seeded agenda, at Saint-Mihiel unless told otherwise."""
    index = in_served_site(EventIndexPage.objects).get()
    start = timezone.localdate() + datetime.timedelta(days=days_from_today)
    fields.setdefault("commune", Commune.objects.get(slug="saint-mihiel"))
    page = EventPage(
        title=title,
        slug=f"evenement-{EventPage.objects.count() + 1}",
        intro=fields.pop("intro", "Présentation de l'événement."),
        start_date=start,
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page

"""What the alerts say: once a day (or on Mondays for the weekly rhythm), each subscriber gets
one e-mail with what was published in their topics since their last one. A subscriber's
`covered_until` moves with each digest sent (or found empty), so no item is ever announced twice;
an item is announced from its first publication, never again when corrected or republished."""

from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format

from petr.events.models import EventPage
from petr.library.models import ActPage
from petr.news.models import NewsPage
from petr.newsletter.models import Subscriber
from petr.web.shared_lookups import public


def subject(subscriber, period_end):
    day = date_format(timezone.localtime(period_end), "j F Y")
    if subscriber.frequency == Subscriber.Frequency.WEEKLY:
        return f"Les nouveautés de la semaine, au {day}"
    return f"Les nouveautés du {day}"


class Items:
    """What was first published until `period_end`, since the earliest point a recipient of
    this digest still needs, read once for the batch."""

    def __init__(self, mailing):
        self.end = mailing.period_end
        since = Subscriber.objects.filter(deliveries__mailing=mailing).aggregate(
            m=Min("covered_until")
        )["m"] or self.end  # fmt: skip

        def published(model):
            return (
                public(model.objects.live())
                .filter(first_published_at__gt=since, first_published_at__lte=self.end)
                .order_by("first_published_at", "pk")
            )

        self.news = list(published(NewsPage).only("title", "url_path", "intro", "date",
                                                   "mission_id", "first_published_at"))  # fmt: skip
        self.events = list(published(EventPage).select_related("commune"))
        self.acts = list(published(ActPage).only("title", "url_path", "kind", "decision_date",
                                                 "first_published_at"))  # fmt: skip

    def for_subscriber(self, subscriber):
        """[{title, items}] of what this subscriber has not been told yet, by kind."""
        since = subscriber.covered_until
        if since is None or since >= self.end:
            return []
        missions = set(subscriber.missions.values_list("pk", flat=True))

        def new(pages, everything):
            return [page for page in pages if page.first_published_at > since
                    and (everything or getattr(page, "mission_id", None) in missions)]  # fmt: skip

        sections = [
            ("Actualités", [
                {"title": p.title, "url": p.url, "meta": date_format(p.date, "j F Y"),
                 "intro": p.intro} for p in new(self.news, subscriber.news)]),
            ("Agenda", [
                {"title": p.title, "url": p.url,
                 "meta": p.when + (f" — {p.commune.name}" if p.commune else "")}
                for p in new(self.events, subscriber.agenda)]),
            ("Actes officiels", [
                {"title": p.title, "url": p.url,
                 "meta": f"{p.get_kind_display()} du {date_format(p.decision_date, 'j F Y')}"}
                for p in (new(self.acts, True) if subscriber.acts else [])]),
        ]  # fmt: skip
        return [{"title": title, "items": items} for title, items in sections if items]

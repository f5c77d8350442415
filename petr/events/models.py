"""Agenda: events with dates in Europe/Paris (all-day or timed), a place or an online link,
upcoming and past listings, and iCalendar files (one per event, and a subscribable feed)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import body_stream
from petr.core.listing import render_listing
from petr.core.models import BasePage
from petr.territory.lookup import commune_paths
from petr.territory.models import in_served_perimeter
from petr.territory.widgets import CommuneSelect
from petr.web.shared_lookups import public

from .dates import Schedule
from .ical import calendar_response

PER_PAGE = 12


class EventIndexPage(RoutablePageMixin, BasePage):
    """« Agenda »: upcoming events first, past ones on their own page, an iCalendar feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "agenda"

    def events(self):
        return (
            public(EventPage.objects.live())
            .descendant_of(self)
            .select_related("commune", "mission")
        )

    def upcoming(self, day=None):
        """Events not yet over on `day` (today), soonest first (an event is over after its last
        day)."""
        today = day or timezone.localdate()
        return (
            self.events()
            .filter(models.Q(end_date__gte=today) | models.Q(end_date=None, start_date__gte=today))
            .order_by("start_date", "start_time", "pk")
        )

    def past(self):
        today = timezone.localdate()
        return (
            self.events()
            .exclude(models.Q(end_date__gte=today) | models.Q(end_date=None, start_date__gte=today))
            .order_by("-start_date", "-start_time", "-pk")
        )

    def _listing(self, request, events, past):
        template = "events/event_index_page.html"
        return render_listing(self, request, template, events, PER_PAGE, past=past)

    @path("")
    def upcoming_view(self, request):
        return self._listing(request, self.upcoming(), past=False)

    @path("passes/", name="past")
    def past_view(self, request):
        return self._listing(request, self.past(), past=True)

    @path("ical/", name="ical")
    def ical_feed(self, request):
        return calendar_response(request, self.upcoming()[:200], self.title, "agenda.ics")


class EventPage(RoutablePageMixin, BasePage):
    shown_on_pages_of = ("mission",)  # beside its mission (web/invalidation.py)
    # The next three, in its mission's side column and on its commune's page (core/parts.py).
    page_parts = {"mission.aside": 1, "commune": 4}

    start_date = models.DateField("date de début")
    start_time = models.TimeField(
        "heure de début", null=True, blank=True, help_text="Vide : toute la journée."
    )
    end_date = models.DateField(
        "date de fin", null=True, blank=True, help_text="Vide : le même jour."
    )
    end_time = models.TimeField("heure de fin", null=True, blank=True)
    commune = models.ForeignKey(
        "territory.Commune",
        verbose_name="commune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_served_perimeter,
    )
    address = models.TextField("adresse ou lieu", blank=True)
    online_url = models.URLField("lien de participation en ligne", blank=True)
    organiser = models.CharField("organisateur", max_length=200, blank=True)
    registration_url = models.URLField("lien d'inscription", blank=True)
    mission = models.ForeignKey(
        "missions.MissionPage",
        verbose_name="mission concernée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(body_stream(), blank=True, verbose_name="contenu")

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading="Dates (heure de Paris)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("commune", widget=CommuneSelect),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            heading="Lieu",
        ),
        FieldPanel("organiser"),
        FieldPanel("registration_url"),
        FieldPanel("mission"),
        FieldPanel("body"),
    ]
    search_kind = ("agenda", "Agenda")
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "événement"
        verbose_name_plural = "événements"

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(request, [self], self.title, f"{self.slug}.ics")

    @property
    def schedule(self):
        return Schedule(self.start_date, self.start_time, self.end_date, self.end_time)

    @property
    def when(self):
        return self.schedule.when

    @property
    def all_day(self):
        return self.schedule.all_day

    @property
    def starts_at(self):
        return self.schedule.starts_at

    @property
    def ends_at(self):
        return self.schedule.ends_at

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "La date de fin précède la date de début."
        if self.end_time and not self.start_time:
            errors["end_time"] = "Indiquez aussi l'heure de début, ou aucune heure."
        if (
            self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = "L'heure de fin doit suivre l'heure de début."
        if not (self.commune_id or self.address or self.online_url):
            errors["address"] = "Indiquez une commune, une adresse ou un lien en ligne."
        if errors:
            raise ValidationError(errors)

    def shown_at(self):
        return commune_paths([self.commune])  # on its commune's page

    def schema_org(self, request):
        """schema.org: an event, at a place or online (core's structured_data tags)."""

        def when(day, time):
            moment = datetime.datetime.combine(day, time) if time else None
            return timezone.make_aware(moment).isoformat() if moment else day.isoformat()

        places = []
        if self.address or self.commune_id:
            where = ", ".join(filter(None, [self.address, self.commune and self.commune.name]))
            places.append({"@type": "Place", "name": where, "address": where})
        if self.online_url:
            places.append({"@type": "VirtualLocation", "url": self.online_url})
        mode = "Mixed" if len(places) == 2 else "Online" if self.online_url else "Offline"
        data = {
            "@type": "Event",
            "name": self.title,
            "startDate": when(self.start_date, self.start_time),
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": places[0] if len(places) == 1 else places,
            "url": request.build_absolute_uri(self.url),
        }
        if self.end_date or self.end_time:
            data["endDate"] = when(self.end_date or self.start_date, self.end_time)
        if self.intro:
            data["description"] = self.intro
        return data

    @classmethod
    def page_part(cls, slot, subject):
        about = {"commune": subject} if slot == "commune" else {"mission": subject}
        upcoming = public(cls.objects.live()).filter(**about, start_date__gte=timezone.localdate())
        events = list(upcoming.order_by("start_date", "pk")[:3])
        template = "events/commune_part.html" if slot == "commune" else "events/mission_part.html"
        return {"template": template, "events": events} if events else None

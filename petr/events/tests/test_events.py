import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from petr.events.models import EventPage

from .helpers import publish_event

pytestmark = pytest.mark.django_db
EVENING = {"start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)}


def test_upcoming_and_past_are_split_and_ordered(client, seeded):
    publish_event("Dans vingt jours", 20)
    publish_event("Dans trois jours", 3)
    publish_event("Il y a un mois", -30)
    publish_event(
        "Festival commencé hier", -1, end_date=timezone.localdate() + datetime.timedelta(1)
    )
    upcoming = client.get("/agenda/").content.decode()
    assert upcoming.index("Festival commencé hier") < upcoming.index("Dans trois jours")
    assert upcoming.index("Dans trois jours") < upcoming.index("Dans vingt jours")
    assert "Il y a un mois" not in upcoming
    past = client.get("/agenda/passes/").content.decode()
    assert "Il y a un mois" in past and "Dans trois jours" not in past


def parse_events(body):
    calendar = icalendar.Calendar.from_ical(body)
    return calendar, {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_event_ics_has_paris_times_and_place(client, seeded):
    event = publish_event("Conseil", 5, address="Salle des fêtes", **EVENING)
    response = client.get(f"{event.url}ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = parse_events(response.content)
    vevent = events["Conseil"]
    start = vevent.decoded("dtstart")
    assert (start.hour, start.minute) == (18, 30) and str(start.tzinfo) == "Europe/Paris"
    assert vevent["dtstart"].params["TZID"] == "Europe/Paris"
    assert calendar.walk("VTIMEZONE")  # calendar applications need the zone's rules
    assert str(vevent["location"]) == "Salle des fêtes, Saint-Mihiel"
    assert str(vevent["url"]).endswith(event.url)


def test_all_day_events_use_dates_with_an_exclusive_end(client, seeded):
    event = publish_event("Foire", 5, end_date=timezone.localdate() + datetime.timedelta(7))
    _, events = parse_events(client.get(f"{event.url}ical/").content)
    vevent = events["Foire"]
    assert vevent.decoded("dtstart") == event.start_date
    assert vevent.decoded("dtend") == event.end_date + datetime.timedelta(days=1)


def test_subscribable_feed_lists_upcoming_events(client, seeded):
    publish_event("Bientôt", 2, **EVENING)
    publish_event("Autrefois", -20)
    _, events = parse_events(client.get("/agenda/ical/").content)
    assert set(events) == {"Bientôt"}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_date": datetime.date(2000, 1, 1)}, "end_date"),
        ({"end_time": datetime.time(9)}, "end_time"),
        ({"start_time": datetime.time(10), "end_time": datetime.time(9)}, "end_time"),
        ({"commune": None}, "address"),
    ],
)
def test_inconsistent_events_are_refused_in_french(seeded, fields, field):
    from petr.territory.models import Commune

    values = {
        "title": "X",
        "slug": "x",
        "start_date": datetime.date(2026, 12, 8),
        "commune": Commune.objects.first(),
        **fields,
    }
    with pytest.raises(ValidationError) as error:
        EventPage(**values).full_clean()
    assert field in error.value.message_dict


def test_home_shows_the_next_events(client, seeded):
    assert "agenda-titre" not in client.get("/").content.decode()
    publish_event("Rendez-vous proche", 1)
    assert "Rendez-vous proche" in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/agenda/?page=abc", "/agenda/passes/?page=999999"])
def test_absurd_pages_are_404(client, seeded, url):
    assert client.get(url).status_code == 404


def test_agenda_keeps_a_fixed_number_of_queries(seeded, query_counts):
    publish_event("Premier", 1)
    publish_event("Ancien", -3)
    urls = ["/agenda/", "/agenda/passes/", "/agenda/ical/", "/"]
    before = query_counts(urls)
    for day in range(-3, 4):
        publish_event(f"Événement {day}", day, **EVENING)
    assert query_counts(urls) == before

"""iCalendar (RFC 5545) for events: what calendar applications import or subscribe to."""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def to_ical(request, events, name):
    calendar = Calendar()
    calendar.add("prodid", "-//petr-portal//Agenda//FR")  # the software, not the site
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    host = request.get_host()
    for event in events:
        calendar.add_component(_vevent(request, event, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _vevent(request, event, host):
    vevent = Event()
    vevent.add("uid", f"evenement-{event.pk}@{host}")
    vevent.add("dtstamp", event.last_published_at or timezone.now())
    vevent.add("summary", event.title)
    if event.all_day:
        # All-day events use dates, the end being exclusive.
        vevent.add("dtstart", event.start_date)
        vevent.add("dtend", (event.end_date or event.start_date) + timedelta(days=1))
    else:
        vevent.add("dtstart", timezone.localtime(event.starts_at))
        if event.ends_at:
            vevent.add("dtend", timezone.localtime(event.ends_at))
    location = ", ".join(
        part for part in (event.address, event.commune.name if event.commune else "") if part
    )
    if location or event.online_url:
        vevent.add("location", location or event.online_url)
    description = "\n\n".join(
        part
        for part in (
            event.intro,
            f"Organisateur : {event.organiser}" if event.organiser else "",
            f"Inscription : {event.registration_url}" if event.registration_url else "",
            f"En ligne : {event.online_url}" if event.online_url else "",
        )
        if part
    )
    if description:
        vevent.add("description", description)
    vevent.add("url", request.build_absolute_uri(event.url))
    return vevent


def calendar_response(request, events, name, filename):
    response = HttpResponse(
        to_ical(request, events, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response

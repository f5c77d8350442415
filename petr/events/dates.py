"""An event's dates and times: in words, and as moments in Europe/Paris (the site's zone)."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.formats import date_format


@dataclass(frozen=True)
class Schedule:
    start_date: date
    start_time: time | None = None  # no start time: all day
    end_date: date | None = None
    end_time: time | None = None

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def when(self):
        """« mardi 8 décembre 2026, de 18 h à 20 h 30 », « du … au … », « … (toute la journée) »."""
        start = date_format(self.start_date, "l j F Y")
        several_days = self.end_date and self.end_date != self.start_date
        if several_days:
            end = date_format(self.end_date, "l j F Y")
            if self.all_day:
                return f"du {start} au {end}"
            return f"du {start} à {_hour(self.start_time)} au {end}" + (
                f" à {_hour(self.end_time)}" if self.end_time else ""
            )
        if self.all_day:
            return f"{start} (toute la journée)"
        if self.end_time:
            return f"{start}, de {_hour(self.start_time)} à {_hour(self.end_time)}"
        return f"{start}, à {_hour(self.start_time)}"

    @property
    def starts_at(self):
        return _aware(self.start_date, self.start_time or time.min)

    @property
    def ends_at(self):
        """None when the event has no stated end (a timed event with only a start)."""
        day = self.end_date or self.start_date
        if self.all_day:
            return None
        if self.end_time is None:
            return None if self.end_date is None else _aware(day, time(23, 59))
        return _aware(day, self.end_time)


def _hour(moment):
    return f"{moment.hour} h" + (f" {moment.minute:02d}" if moment.minute else "")


def _aware(day, moment):
    return timezone.make_aware(datetime.combine(day, moment))

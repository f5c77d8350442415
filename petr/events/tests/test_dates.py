"""Event dates in words and in Europe/Paris: pure logic, no database."""

import datetime

from petr.events.dates import Schedule

DAY = datetime.date(2026, 12, 8)
EVENING = {"start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)}


def test_dates_read_in_french():
    assert Schedule(DAY, **EVENING).when == "mardi 8 décembre 2026, de 18 h 30 à 20 h"
    assert Schedule(DAY, datetime.time(9)).when == "mardi 8 décembre 2026, à 9 h"
    assert Schedule(DAY).when == "mardi 8 décembre 2026 (toute la journée)"
    several = Schedule(DAY, end_date=datetime.date(2026, 12, 10))
    assert several.when == "du mardi 8 décembre 2026 au jeudi 10 décembre 2026"
    overnight = Schedule(DAY, datetime.time(20), datetime.date(2026, 12, 9), datetime.time(2))
    assert overnight.when == "du mardi 8 décembre 2026 à 20 h au mercredi 9 décembre 2026 à 2 h"


def test_moments_are_in_paris_whatever_the_season():
    winter = Schedule(DAY, **EVENING)
    summer = Schedule(datetime.date(2026, 7, 8), datetime.time(18, 30))
    assert winter.starts_at.utcoffset() == datetime.timedelta(hours=1)
    assert summer.starts_at.utcoffset() == datetime.timedelta(hours=2)
    assert winter.ends_at.hour == 20 and summer.ends_at is None


def test_all_day_events_have_no_end_moment():
    assert Schedule(DAY).all_day and Schedule(DAY).ends_at is None
    late = Schedule(DAY, datetime.time(9), datetime.date(2026, 12, 9))
    assert (late.ends_at.day, late.ends_at.hour, late.ends_at.minute) == (9, 23, 59)

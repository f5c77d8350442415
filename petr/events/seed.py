"""The agenda, empty: events are the staff's to announce, never invented by a seed."""

from petr.core.starter import pack, seed_page

from .models import EventIndexPage


def seed_agenda(home):
    return seed_page(
        "page.agenda",
        home,
        EventIndexPage(**pack().get("pages.agenda")),
    )

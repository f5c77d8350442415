"""The agenda, empty: events are the staff's to announce, never invented by a seed."""

from petr.core.seeding import seed_page

from .models import EventIndexPage


def seed_agenda(home):
    return seed_page(
        "page.agenda",
        home,
        EventIndexPage(
            title="Agenda",
            slug="agenda",
            intro="Réunions, ateliers et rendez-vous du PETR. Abonnez votre agenda pour les "
            "recevoir automatiquement.",
        ),
    )

"""The news index, empty: news items are the staff's to write, never invented by a seed."""

from petr.core.seeding import seed_page

from .models import NewsIndexPage


def seed_news_index(home):
    return seed_page(
        "page.actualites",
        home,
        NewsIndexPage(
            title="Actualités",
            slug="actualites",
            intro="Les nouvelles du PETR et de ses missions. Abonnez-vous au flux RSS ou Atom "
            "pour les recevoir dans votre lecteur.",
        ),
    )

"""The news index, empty: news items are the staff's to write, never invented by a seed."""

from petr.core.starter import pack, seed_page

from .models import NewsIndexPage


def seed_news_index(home):
    return seed_page(
        "page.actualites",
        home,
        NewsIndexPage(**pack().get("pages.news")),
    )

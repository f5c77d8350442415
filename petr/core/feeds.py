"""RSS 2.0 and Atom feeds of a listing page's items, with Django's syndication framework.
A listing page subclasses these with its `items()` and, if needed, `item_pubdate()`."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from petr.core.models import SiteIdentity

FEED_LENGTH = 20


class PageRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        identity = SiteIdentity.for_site(self.index.get_site())
        return f"{self.index.title} — {identity.name}"

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro or self.index.title

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )

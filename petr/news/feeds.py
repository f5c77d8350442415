"""RSS 2.0 and Atom feeds of the news, built with Django's syndication framework."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.timezone import make_aware

from petr.core.models import SiteIdentity

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        identity = SiteIdentity.for_site(self.index.get_site())
        return f"{self.index.title} — {identity.name}"

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro or "Les actualités du PETR."

    def items(self):
        return self.index.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return make_aware(datetime.combine(item.date, time.min))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description

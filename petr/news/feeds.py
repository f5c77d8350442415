from datetime import datetime, time

from django.utils.timezone import make_aware

from petr.core.feeds import FEED_LENGTH, PageRssFeed, atom


class NewsRssFeed(PageRssFeed):
    def items(self):
        return self.index.news()[:FEED_LENGTH]

    def item_pubdate(self, item):
        return make_aware(datetime.combine(item.date, time.min))


NewsAtomFeed = atom(NewsRssFeed)

from django.utils.formats import date_format

from petr.core.feeds import FEED_LENGTH, PageRssFeed


class ActRssFeed(PageRssFeed):
    def items(self):
        return self.index.acts()[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_kind_display()} n° {item.number} — {item.title}"

    def item_description(self, item):
        return (
            f"{item.get_kind_display()} n° {item.number} du "
            f"{date_format(item.decision_date, 'j F Y')}, signé par {item.author_name}, "
            f"{item.author_title}. Empreinte SHA-256 du PDF : {item.sha256}."
        )

    def item_pubdate(self, item):
        return item.put_online_at or item.first_published_at

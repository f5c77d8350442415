"""What a newsletter is made of: text and images like any page, a selection of news, the next
events and calls to action. The same blocks render on the web page and in the e-mail."""

from django.utils import timezone
from wagtail import blocks

from petr.core.blocks import CallToActionBlock, HeadingBlock, ImageBlock, paragraph_block
from petr.events.models import EventIndexPage
from petr.web.shared_lookups import in_served_site


class NewsSelectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", default="À la une")
    items = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.NewsPage", label="actualité"),
        label="actualités",
        min_num=1,
        max_num=8,
    )

    class Meta:
        icon = "doc-full"
        label = "sélection d'actualités"
        template = "newsletter/blocks/news.html"


class UpcomingEventsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", default="À l'agenda")
    count = blocks.IntegerBlock(label="nombre d'événements", default=3, min_value=1, max_value=10)

    class Meta:
        icon = "date"
        label = "prochains événements"
        template = "newsletter/blocks/events.html"
        help_text = "Les prochains événements de l'agenda au jour où la lettre est publiée."


def upcoming_events(letter, count):
    """The agenda's next events from the letter's date (its publication; today in a preview),
    so its archived copy keeps what was sent."""
    moment = getattr(letter, "first_published_at", None) or timezone.now()
    day = timezone.localdate(moment)
    index = in_served_site(EventIndexPage.objects.live()).first()
    return list(index.upcoming(day)[:count]) if index else []


def newsletter_stream():
    return blocks.StreamBlock(
        [
            ("heading", HeadingBlock()),
            ("paragraph", paragraph_block()),
            ("image", ImageBlock()),
            ("news", NewsSelectionBlock()),
            ("events", UpcomingEventsBlock()),
            ("action", CallToActionBlock()),
        ]
    )

"""What a newsletter is made of: text and images like any page, a selection of news, the next
events and calls to action. The same blocks render on the web page and in the e-mail."""

from django.db import models
from django.utils import timezone
from wagtail import blocks

from petr.core.blocks import RICH_TEXT_FEATURES, CallToActionBlock, HeadingBlock, ImageBlock
from petr.events.models import EventIndexPage
from petr.web.shared_lookups import public


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
        help_text = "Les prochains événements de l'agenda à la date d'envoi de la lettre."


def upcoming_events(letter, count):
    """The agenda's next events from the letter's date (its publication; today in a preview),
    so its archived copy keeps what was sent."""
    moment = getattr(letter, "first_published_at", None) or timezone.now()
    day = timezone.localdate(moment)
    index = EventIndexPage.objects.live().first()
    if index is None:
        return []
    return list(
        public(index.events())
        .filter(models.Q(end_date__gte=day) | models.Q(end_date=None, start_date__gte=day))
        .order_by("start_date", "start_time", "pk")[:count]
    )


def newsletter_stream():
    return blocks.StreamBlock(
        [
            ("heading", HeadingBlock()),
            (
                "paragraph",
                blocks.RichTextBlock(
                    label="paragraphe",
                    features=RICH_TEXT_FEATURES,
                    template="core/blocks/paragraph.html",
                ),
            ),
            ("image", ImageBlock()),
            ("news", NewsSelectionBlock()),
            ("events", UpcomingEventsBlock()),
            ("action", CallToActionBlock()),
        ]
    )

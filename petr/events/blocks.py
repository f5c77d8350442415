from wagtail import blocks

from petr.web.shared_lookups import in_served_site

from .models import EventIndexPage


class NextEventsBlock(blocks.StructBlock):
    """Home page section: the next events of the agenda."""

    title = blocks.CharBlock(label="titre", default="Prochains rendez-vous")
    count = blocks.IntegerBlock(label="nombre d'événements", default=3, min_value=1, max_value=6)

    class Meta:
        icon = "date"
        label = "prochains événements"
        template = "events/blocks/next_events.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        index = in_served_site(EventIndexPage.objects.live()).first()
        context["index"] = index
        context["items"] = index.upcoming()[: value["count"]] if index else []
        return context

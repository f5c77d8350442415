from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import body_stream
from petr.core.models import BasePage
from petr.territory.blocks import MembersBlock


class PetrPage(BasePage):
    """« Le PETR »: what a PETR is, its history, its members (from the data) and governance."""

    body = StreamField(
        body_stream(extra_blocks=[("members", MembersBlock())]), blank=True, verbose_name="contenu"
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["core.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "page « Le PETR »"

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from petr.core.models import BasePage, SiteIdentity
from petr.events.blocks import NextEventsBlock
from petr.news.blocks import LatestNewsBlock
from petr.territory.figures import territory_sketch

from .blocks import KeyFiguresSectionBlock, MissionTabsBlock, QuickAccessBlock, TextSectionBlock


class HomePage(BasePage):
    body = StreamField(
        [
            ("quick_access", QuickAccessBlock()),
            ("key_figures", KeyFiguresSectionBlock()),
            ("missions", MissionTabsBlock()),
            ("latest_news", LatestNewsBlock()),
            ("next_events", NextEventsBlock()),
            ("text", TextSectionBlock()),
        ],
        blank=True,
        verbose_name="sections",
        help_text="Glisser les sections pour changer leur ordre.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    # Its sections are every page type whose parent_page_types names it.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "page d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sketch"] = territory_sketch()  # the hero's picture and commune suggestions
        return context

    def schema_org(self, request):
        """schema.org: the PETR as a public body (core's structured_data tags)."""
        identity = SiteIdentity.for_request(request)
        data = {
            "@type": "GovernmentOrganization",
            "name": identity.name,
            "url": request.build_absolute_uri("/"),
        }
        optional = {
            "legalName": identity.legal_name,
            "telephone": identity.phone,
            "email": identity.email,
            "address": identity.address.replace("\n", ", "),
        }
        data.update({key: value for key, value in optional.items() if value})
        if logo := getattr(identity, "logo_rendition", None):
            data["logo"] = request.build_absolute_uri(logo.url)
        return data if identity.name else None

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import body_stream
from petr.core.models import BasePage
from petr.core.models.pages import contact_page
from petr.core.parts import page_parts
from petr.territory import presentation
from petr.territory.blocks import MembersBlock
from petr.web.shared_lookups import in_served_site

from .data import Commune, Epci
from .town_halls import TownHall

MAX_FILTER = 100  # characters of the territory's filter field


class PetrPage(BasePage):
    """« Le PETR »: what a PETR is, its history, its members (from the data), its governance and
    team (later apps' parts)."""

    body = StreamField(
        body_stream(extra_blocks=[("members", MembersBlock())]), blank=True, verbose_name="contenu"
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_kind = ("territoire", "Territoire")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["core.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "page « Le PETR »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # its members link to their pages
        territory = in_served_site(TerritoryPage.objects.live()).first()
        context["territory_url"] = territory.get_url(request) if territory else None
        context["parts"] = page_parts("petr", self)  # its governance and team (people)
        return context


class TerritoryPage(RoutablePageMixin, BasePage):
    """« Le territoire »: the map and table of the communes, a page per communauté and per
    commune, and the open-data downloads, all drawn from the imported data."""

    body = StreamField(body_stream(), blank=True, verbose_name="contenu")

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_kind = ("territoire", "Territoire")
    parent_page_types = ["home.HomePage"]
    subpage_types = []  # commune slugs live directly under this page's URL
    max_count_per_parent = 1

    class Meta:
        verbose_name = "page « Le territoire »"

    @path("")
    def index(self, request):
        context = self.get_context(request)
        query = request.GET.get("commune", "").strip()[:MAX_FILTER]  # longer: cut, not refused
        context.update(presentation.territory_context(self.get_url(request), query))
        return TemplateResponse(request, "territory/territory_page.html", context)

    @path("communautes/<slug:slug>/")
    def epci(self, request, slug):
        epci = get_object_or_404(Epci.objects.select_related("seat"), slug=slug)
        context = self.get_context(request)
        context.update(presentation.epci_context(self.get_url(request), epci))
        context.update(
            subject_title=epci.name,
            subject_description=f"{epci.name} : ses communes, sa population et sa superficie, "
            "d'après les données officielles.",
        )
        return TemplateResponse(request, "territory/epci_page.html", context)

    @path("<slug:slug>/")
    def commune(self, request, slug):
        commune = get_object_or_404(Commune.objects.select_related("epci"), slug=slug)
        context = self.get_context(request)
        context.update(presentation.commune_context(self.get_url(request), commune))
        parts = page_parts("commune", commune)  # later apps' projects and places (core/parts.py)
        context.update(
            town_hall=TownHall.objects.filter(commune=commune).first(),
            contact_page=contact_page(),
            parts=parts,
            points=[point for part in parts for point in part.get("points", [])],
            subject_title=commune.name,
            subject_description=f"{commune.name}, commune de la {commune.epci.name} : "
            "population, superficie et situation sur la carte du territoire.",
        )
        return TemplateResponse(request, "territory/commune_page.html", context)

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request)
        if not entries:
            return entries
        base = entries[0]["location"]
        entries += [
            {"location": f"{base}communautes/{s}/"}
            for s in Epci.objects.values_list("slug", flat=True)
        ]
        entries += [
            {"location": f"{base}{s}/"} for s in Commune.objects.values_list("slug", flat=True)
        ]
        return entries

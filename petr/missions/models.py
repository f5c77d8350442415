from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import body_stream
from petr.core.models import BasePage
from petr.core.shared_lookups import public


class MissionIndexPage(BasePage):
    """« Nos missions »: lists its mission pages in the editors' order."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["missions.MissionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "index des missions"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["missions"] = public(MissionPage.objects.child_of(self).live())
        return context


class MissionPage(BasePage):
    """One of the PETR's missions: health contract, energy transition, mobility, LEADER…"""

    short_title = models.CharField(
        "nom court",
        max_length=40,
        blank=True,
        help_text="Le nom de la mission dans le menu, les onglets de l'accueil et les listes, par "
        "exemple « Santé ». Par défaut : le titre.",
    )
    body = StreamField(body_stream(), blank=True, verbose_name="contenu")

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("short_title"), FieldPanel("body")]
    search_kind = ("missions", "Missions")
    is_contact_subject = True
    parent_page_types = ["missions.MissionIndexPage"]

    class Meta:
        verbose_name = "mission"
        verbose_name_plural = "missions"

    @property
    def short_name(self):
        return self.short_title or self.title

    @classmethod
    def listed(cls, request=None):
        """The live missions in the editors' order (filters, contact subjects)."""
        return public(cls.objects.live()).order_by("path")

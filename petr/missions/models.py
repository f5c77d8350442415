from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import CallToActionBlock, body_stream
from petr.core.models import BasePage
from petr.core.parts import page_parts
from petr.web.shared_lookups import public


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
    keywords = models.CharField(
        "mots recherchés",
        max_length=300,
        blank=True,
        help_text="Les mots que les habitants tapent pour trouver cette mission sans connaître "
        "son nom, séparés par des virgules : « médecin, docteur, soins ».",
    )
    actions = StreamField(
        [("action", CallToActionBlock())],
        blank=True,
        verbose_name="pour agir",
        help_text="Boutons de la colonne : une page, un fichier à télécharger ou un autre site.",
    )
    eu_cofunded = models.BooleanField(
        "cofinancé par l'Union européenne",
        default=False,
        help_text="Affiche l'emblème de l'Union européenne et la mention ci-dessous, comme le "
        "demandent les règles de visibilité des fonds européens (FEADER, LEADER).",
    )
    eu_statement = models.CharField(
        "mention", max_length=200, default="Cofinancé par l'Union européenne"
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("keywords", boost=2),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_title"),
        FieldPanel("keywords"),
        FieldPanel("body"),
        FieldPanel("actions"),
        MultiFieldPanel(
            [FieldPanel("eu_cofunded"), FieldPanel("eu_statement")], heading="Financement européen"
        ),
    ]
    search_kind = ("missions", "Missions")
    is_contact_subject = True
    parent_page_types = ["missions.MissionIndexPage"]

    class Meta:
        verbose_name = "mission"
        verbose_name_plural = "missions"

    @property
    def short_name(self):
        return self.short_title or self.title

    def get_context(self, request, *args, **kwargs):
        """The main column shows the mission's programmes, projects and places; the side column
        what is coming, what is new and what to read: parts of later apps (core/parts.py)."""
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = page_parts("mission", self)
        context["contact_parts"] = page_parts("mission.contact", self)  # its named contacts
        context["aside_parts"] = page_parts("mission.aside", self)
        return context

    @classmethod
    def listed(cls, request=None):
        """The live missions in the editors' order (filters, contact subjects)."""
        return public(cls.objects.live()).order_by("path")

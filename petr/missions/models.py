from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from petr.core.blocks import CallToActionBlock, body_stream
from petr.core.models import BasePage
from petr.web.shared_lookups import public

# Page types that name their mission, shown beside it, and its programmes (apps that depend on
# this one).
SIDE = ("events.EventPage", "news.NewsPage", "library.DocumentPage")
PROGRAMME = "programmes.ProgrammePage"
PROJECT = "programmes.ProjectPage"
PROJECTS_SHOWN = 6


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
    contact_name = models.CharField("nom", max_length=100, blank=True)
    contact_role = models.CharField("fonction", max_length=100, blank=True)
    contact_phone = models.CharField("téléphone", max_length=30, blank=True)
    contact_email = models.EmailField("adresse électronique", blank=True)
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

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading="Contact de la mission (masqué tant qu'il est vide)",
        ),
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

    @property
    def has_contact(self):
        return any([self.contact_name, self.contact_phone, self.contact_email])

    def get_context(self, request, *args, **kwargs):
        """The side column: what is coming, what is new and what to read for this mission."""
        context = super().get_context(request, *args, **kwargs)
        pages = {name: apps.get_model(*name.split(".")) for name in SIDE}
        today = timezone.localdate()
        events = public(pages["events.EventPage"].objects.live()).filter(mission=self)
        context["side"] = {
            "events": events.filter(start_date__gte=today).order_by("start_date", "pk")[:3],
            "news": public(pages["news.NewsPage"].objects.live())
            .filter(mission=self)
            .order_by("-date", "-pk")[:3],
            "documents": public(pages["library.DocumentPage"].objects.live())
            .filter(mission=self)
            .order_by("-year", "-pk")[:3],
        }
        programmes = apps.get_model(*PROGRAMME.split(".")).objects.live().child_of(self)
        context["programmes"] = public(programmes)
        context["places"] = list(self.places.for_map())
        context.update(self.projects())
        return context

    def projects(self):
        """The latest supported projects carrying out this mission's actions, and the catalogue
        filtered on the mission when there are more."""
        project = apps.get_model(*PROJECT.split("."))
        latest = list(
            public(project.objects.live())
            .filter(actions__path__startswith=self.path)
            .distinct()
            .order_by("-committee_date", "title")[: PROJECTS_SHOWN + 1]
        )
        # Projects are children of the catalogue: its address is theirs without their slug.
        catalogue = latest[0].url.removesuffix(f"{latest[0].slug}/") if latest else None
        return {
            "projects": latest[:PROJECTS_SHOWN],
            "more_projects": len(latest) > PROJECTS_SHOWN,
            "projects_url": f"{catalogue}?mission={self.slug}" if catalogue else None,
        }

    @classmethod
    def listed(cls, request=None):
        """The live missions in the editors' order (filters, contact subjects)."""
        return public(cls.objects.live()).order_by("path")

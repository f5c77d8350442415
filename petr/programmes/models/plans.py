"""Programmes of a mission (a health contract, a recovery pact, the LEADER programme…), their
axes and their actions (fiches actions) with a status and indicators. Programmes are pages under
their mission, actions pages under their programme: revisions, moderation and search come with
Wagtail, and a mission officer's rights over the mission cover them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from petr.core.admin.page_form import PageForm
from petr.core.blocks import RICH_TEXT_FEATURES
from petr.core.models import BasePage
from petr.territory.models import in_served_perimeter
from petr.territory.widgets import CommuneCheckboxes, keep_departed_communes
from petr.web.invalidation import OPEN_DATA
from petr.web.shared_lookups import public

from ..blocks import IndicatorBlock, no_negative, progress, related_documents
from ..envelope import envelope_of


class ProgrammePage(RoutablePageMixin, BasePage):
    """A contract or plan of a mission, with its period, signatories, axes and actions, and a
    one-page overview for elected officials (synthese/, printable on A4)."""

    shown_under = (OPEN_DATA,)  # actions.csv, indicateurs.csv, projets.csv
    page_parts = {"mission": 1}  # its mission's programmes and their actions (core/parts.py)

    kind = models.CharField(
        "nature", max_length=100, blank=True, help_text="Par exemple « Contrat local de santé »."
    )
    start_year = models.PositiveSmallIntegerField("première année")
    end_year = models.PositiveSmallIntegerField("dernière année")
    signed_on = models.DateField("signé le", null=True, blank=True)
    signatories = models.TextField("signataires", blank=True, help_text="Un par ligne.")
    partners = models.TextField("partenaires", blank=True, help_text="Un par ligne.")
    envelope = models.DecimalField(
        "enveloppe FEADER (€)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[no_negative],
        help_text="Pour LEADER. Vide tant qu'elle n'est pas connue.",
    )
    feader_rate = models.DecimalField(
        "taux FEADER (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    related = related_documents("documents et actes")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("signed_on")]),
        FieldPanel("signatories"),
        FieldPanel("partners"),
        MultiFieldPanel([FieldPanel("envelope"), FieldPanel("feader_rate")], heading="LEADER"),
        InlinePanel("axes", label="axe", heading="Axes"),
        FieldPanel("related"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("signatories")]
    search_kind = ("missions", "Missions")
    parent_page_types = ["missions.MissionPage"]
    subpage_types = ["programmes.ActionPage"]

    class Meta:
        verbose_name = "programme"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "La dernière année précède la première."})
        if self.feader_rate is not None and not 0 <= self.feader_rate <= 100:
            raise ValidationError({"feader_rate": "Un taux est compris entre 0 et 100 %."})

    @property
    def signatory_list(self):
        return [line.strip() for line in self.signatories.splitlines() if line.strip()]

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def actions(self):
        return public(ActionPage.objects.live().child_of(self)).select_related("axis")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["envelope"] = envelope_of(self)
        return context

    @path("synthese/")
    def overview(self, request):
        """Actions by status and their indicators at a glance, on one A4 page."""
        actions = list(self.actions().order_by("path"))
        counts = {status: 0 for status in ActionPage.Status}
        for action in actions:
            counts[action.status] += 1
        context = self.get_context(request)
        context.update(
            overview_groups=self.axes_with_actions(actions),
            status_counts=[
                (
                    status.label
                    + ("s" if counts[status] > 1 and status.label.endswith("e") else ""),
                    counts[status],
                )
                for status in ActionPage.Status
            ],  # fmt: skip
            action_count=len(actions),
            subject_title=f"Synthèse : {self.title}",
        )
        return TemplateResponse(request, "programmes/programme_overview.html", context)

    @cached_property
    def has_actions(self):
        """Whether any action is published: until then, no overview is offered."""
        return self.actions().exists()

    def axes_with_actions(self, actions=None):
        """[(axis or None, [actions])]: the axes in order, then actions attached to none."""
        actions = list(self.actions()) if actions is None else actions
        axes = [(axis, [a for a in actions if a.axis_id == axis.pk]) for axis in self.axes.all()]
        loose = [a for a in actions if a.axis_id is None]
        return axes + ([(None, loose)] if loose else [])

    @classmethod
    def page_part(cls, slot, mission):
        if programmes := list(public(cls.objects.live().child_of(mission))):
            template = "programmes/includes/mission_programmes.html"
            return {"template": template, "programmes": programmes}
        return None


class ProgrammeAxis(Orderable):
    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="axes")
    number = models.CharField("numéro", max_length=10, blank=True)
    title = models.CharField("intitulé", max_length=300)

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = "axe"

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class ActionForm(PageForm):
    """An action is attached to one of its own programme's axes."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        programme = parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if "axis" in self.fields:
            axes = ProgrammeAxis.objects.filter(programme_id=getattr(programme, "pk", None))
            self.fields["axis"].queryset = axes

    def clean(self):
        cleaned = super().clean()
        keep_departed_communes(self)
        return cleaned


class ActionPage(BasePage):
    """A fiche action: what, who, for whom, with what money, where, how far it has got."""

    shown_under = (OPEN_DATA,)  # actions.csv, indicateurs.csv

    class Status(models.TextChoices):
        PLANNED = "a-lancer", "à lancer"
        ONGOING = "en-cours", "en cours"
        DONE = "realisee", "réalisée"
        DROPPED = "abandonnee", "abandonnée"

    number = models.CharField("numéro", max_length=10, blank=True)
    axis = models.ForeignKey(
        ProgrammeAxis, verbose_name="axe", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    status = models.CharField("état", max_length=12, choices=Status.choices, default=Status.PLANNED)
    objectives = RichTextField("objectifs", blank=True, features=RICH_TEXT_FEATURES)
    pilot = models.CharField("pilote", max_length=200, blank=True)
    partners = models.TextField("partenaires", blank=True, help_text="Un par ligne.")
    audience = models.CharField("public visé", max_length=300, blank=True)
    budget = models.DecimalField(
        "budget (€)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[no_negative],
    )
    funders = models.TextField("financeurs", blank=True, help_text="Un par ligne.")
    communes = ParentalManyToManyField(
        "territory.Commune", verbose_name="communes concernées", blank=True, related_name="+",
        limit_choices_to=in_served_perimeter,
        help_text="Aucune cochée : tout le territoire.",
    )  # fmt: skip
    indicators = StreamField(
        [("indicator", IndicatorBlock())], blank=True, verbose_name="indicateurs"
    )

    base_form_class = ActionForm
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("axis"), FieldPanel("status")]),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("pilot"), FieldPanel("partners"), FieldPanel("audience")],
            heading="Qui, pour qui",
        ),
        MultiFieldPanel([FieldPanel("budget"), FieldPanel("funders")], heading="Financement"),
        FieldPanel("communes", widget=CommuneCheckboxes),
        FieldPanel("indicators"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("objectives")]
    search_kind = ("missions", "Missions")
    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = "fiche action"
        verbose_name_plural = "fiches actions"

    @property
    def progresses(self):
        return [progress(block.value) for block in self.indicators]

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def funder_list(self):
        return [line.strip() for line in self.funders.splitlines() if line.strip()]

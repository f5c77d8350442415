"""Supported projects: who, where, which actions they carry out, what they cost and who funds
them. A beneficiary who is a private person is never named publicly unless staff record that
the law requires it (GDPR; rules on publishing CAP beneficiaries, Regulation (EU) 2021/2116)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from petr.core.admin.page_form import PageForm
from petr.core.blocks import body_stream
from petr.core.french.numbers import decimal_comma
from petr.core.listing import render_listing
from petr.core.models import BasePage
from petr.programmes.widgets import ActionCheckboxes
from petr.territory.models import in_served_perimeter
from petr.territory.widgets import CommuneCheckboxes, keep_departed_communes
from petr.web.invalidation import OPEN_DATA
from petr.web.shared_lookups import public

from ..blocks import no_negative, related_documents
from ..choices import BeneficiaryKind, Funder, ProjectStatus
from ..filters import ProjectFilter
from ..project_map import MEASURES, project_map
from .plans import ProgrammePage

PER_PAGE = 12
CARD_IMAGE = "fill-640x360|format-webp"


PROJECTS_SHOWN = 6  # on a mission's page


class ProjectIndexPage(RoutablePageMixin, BasePage):
    """« Projets soutenus »: the catalogue of projects the programmes fund, with filters."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "catalogue des projets soutenus"

    @classmethod
    def is_empty(cls, page):
        """No live project yet: links to the catalogue are hidden (core petr_tags.worth_linking)."""
        return not public(ProjectPage.objects.live().descendant_of(page)).exists()

    def projects(self):
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return (
            public(ProjectPage.objects.live())
            .descendant_of(self)
            .prefetch_related("fundings", "communes", Prefetch("photo", queryset=images))
            .order_by("-committee_date", "title", "pk")
        )

    @path("")
    def listing(self, request):
        template = "programmes/project_index_page.html"
        measure = request.GET.get("carte")
        measure = measure if measure in MEASURES else "nombre"
        return render_listing(
            self, request, template, self.projects(), PER_PAGE, ProjectFilter,
            summary=lambda projects: {"map": project_map(projects, measure)},
        )  # fmt: skip


AMOUNTS = "programmes.change_project_amounts"


class ProjectForm(PageForm):
    """Each aid names its funder and is not paid beyond its amount; aid never above the cost;
    the committee's date within the period of the actions' programmes. Each error names its
    field. The cost and the aids are the programme's money: only those with AMOUNTS change them
    (the LEADER officer, the direction); others see them and keep them as they are, so they
    create no project either."""

    def money_changed(self):
        lines = self.formsets["fundings"].forms  # a line's order is not money
        return "total_cost" in self.changed_data or any(
            set(line.changed_data) - {"ORDER"} for line in lines
        )

    def clean(self):
        cleaned = super().clean()
        keep_departed_communes(self)
        user = getattr(self, "for_user", None)
        if user and not user.has_perm(AMOUNTS) and self.money_changed():
            raise ValidationError(
                "Seules la mission LEADER et la direction saisissent le coût et les aides d'un "
                "projet : vos autres changements sont gardés ci-dessous ; remettez le coût et "
                "les aides comme ils étaient, ou demandez-leur."
            )
        for form in self.formsets["fundings"].forms:
            line = form.cleaned_data if form.is_valid() else {}
            if line.get("funder") == Funder.OTHER and not line.get("other"):
                form.add_error("other", "Nommez ce financeur.")
            if (line.get("paid") or 0) > (line.get("amount") or 0):
                form.add_error("paid", "Le versé dépasse le montant de l'aide.")
        cost = cleaned.get("total_cost")
        aid = sum(
            (form.cleaned_data.get("amount") or Decimal(0))
            for form in self.formsets["fundings"].forms
            if form.is_valid() and not form.cleaned_data.get("DELETE")
        )
        if cost is not None and aid > cost:
            aid_text, cost_text = (decimal_comma(value, 2) for value in (aid, cost))
            self.add_error(
                "total_cost", f"Les aides ({aid_text} €) dépassent le coût total ({cost_text} €)."
            )
        committee = cleaned.get("committee_date")
        for action in cleaned.get("actions") or []:
            programme = action.get_parent().specific
            if committee and not programme.start_year <= committee.year <= programme.end_year:
                self.add_error(
                    "committee_date",
                    f"Le comité du {committee:%d/%m/%Y} est hors de la période de "
                    f"« {programme.title} » ({programme.start_year}–{programme.end_year}).",
                )
                break
        return cleaned


class ProjectPage(BasePage):
    # On its programmes' pages (the LEADER envelope), its communes' pages, in the open data.
    shown_under = ("territory.TerritoryPage", OPEN_DATA)
    # The home and the missions link to the catalogue only once it has a project.
    shown_on = ("/", "missions.MissionPage")
    # The latest on its missions' pages, all of them on its communes' pages (core/parts.py).
    page_parts = {"mission": 2, "commune": 1}
    Kind = BeneficiaryKind
    Status = ProjectStatus

    beneficiary = models.CharField("bénéficiaire", max_length=200)
    beneficiary_kind = models.CharField(
        "nature du bénéficiaire", max_length=24, choices=Kind.choices
    )
    name_required_by_law = models.BooleanField(
        "la loi impose de publier son nom",
        default=False,
        help_text="Pour un particulier seulement : sans cette case, son nom n'est jamais publié.",
    )
    communes = ParentalManyToManyField(
        "territory.Commune",
        verbose_name="communes",
        blank=True,
        related_name="+",
        limit_choices_to=in_served_perimeter,
    )
    actions = ParentalManyToManyField(
        "programmes.ActionPage", verbose_name="fiches actions mises en œuvre", blank=True,
        related_name="projects",
    )  # fmt: skip
    total_cost = models.DecimalField(
        "coût total (€)", max_digits=12, decimal_places=2, validators=[no_negative]
    )
    committee_date = models.DateField("date du comité", null=True, blank=True)
    status = models.CharField(
        "état", max_length=12, choices=Status.choices, default=Status.PROGRAMMED
    )
    photo = models.ForeignKey(
        "core.CustomImage", verbose_name="photo", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    body = StreamField(body_stream(), blank=True, verbose_name="description")
    related = related_documents("documents liés")

    base_form_class = ProjectForm
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("beneficiary"),
                FieldPanel("beneficiary_kind"),
                FieldPanel("name_required_by_law"),
            ],
            heading="Bénéficiaire",
        ),
        FieldRowPanel(
            [FieldPanel("total_cost"), FieldPanel("committee_date"), FieldPanel("status")]
        ),
        InlinePanel("fundings", label="aide", heading="Financeurs"),
        FieldPanel("actions", widget=ActionCheckboxes),
        FieldPanel("communes", widget=CommuneCheckboxes),
        FieldPanel("photo"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    search_kind = ("projets", "Projets soutenus")
    parent_page_types = ["programmes.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "projet soutenu"
        verbose_name_plural = "projets soutenus"
        permissions = [("change_project_amounts", "Modifier le coût et les aides des projets")]

    def shown_on_pages(self):
        """The programmes above its actions."""
        return ProgrammePage.objects.filter(
            path__in={action.path[: -action.steplen] for action in self.actions.all()}
        ).values_list("pk", flat=True)

    @property
    def public_beneficiary(self):
        if self.beneficiary_kind == self.Kind.PERSON and not self.name_required_by_law:
            return "Un particulier"
        return self.beneficiary

    @property
    def total_aid(self):
        return sum((funding.amount for funding in self.fundings.all()), Decimal(0))

    @property
    def aid_rate(self):
        return round(self.total_aid / self.total_cost * 100, 1) if self.total_cost else None

    @classmethod
    def page_part(cls, slot, subject):
        if slot == "commune":
            projects = public(cls.objects.live().filter(communes=subject)).order_by("title")
            return {"template": "programmes/includes/commune_projects.html", "projects": projects}
        latest = list(
            public(cls.objects.live())
            .filter(actions__path__startswith=subject.path)
            .distinct()
            .order_by("-committee_date", "title")[: PROJECTS_SHOWN + 1]
        )
        if not latest:
            return None
        # Projects are children of the catalogue: its address is theirs without their slug.
        catalogue = latest[0].url.removesuffix(f"{latest[0].slug}/")
        return {
            "template": "programmes/includes/mission_projects.html",
            "projects": latest[:PROJECTS_SHOWN],
            "more_projects": len(latest) > PROJECTS_SHOWN,
            "projects_url": f"{catalogue}?mission={subject.slug}",
        }


class ProjectFunding(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="fundings")
    funder = models.CharField("financeur", max_length=16, choices=Funder.choices)
    other = models.CharField("autre financeur (nom)", max_length=200, blank=True)
    amount = models.DecimalField(
        "montant (€)", max_digits=12, decimal_places=2, validators=[no_negative]
    )
    paid = models.DecimalField(
        "dont versé (€)", max_digits=12, decimal_places=2, default=0, validators=[no_negative]
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("funder"), FieldPanel("other"), FieldPanel("amount"), FieldPanel("paid")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = "aide"

    @property
    def label(self):
        return self.other if self.funder == Funder.OTHER else self.get_funder_display()

"""Filters of the supported projects' catalogue. Each offers only values some published project
has. The choices are read together and kept in the shared cache until a project, an action or a
programme is published, unpublished or deleted: the page then needs no query for its form. An
unknown value is reported in French and ignored."""

import django_filters
from django.apps import apps
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from petr.core.french.sorting import french_sort_key
from petr.territory.models import Commune, Epci
from petr.web.shared_lookups import current_site_id, forget, in_served_site

from .choices import BeneficiaryKind, ProjectStatus

CHOICES_KEY = "petr:project-filter-choices"
CHOICES_SECONDS = 24 * 3600  # a safety net: the signals below forget them first


def _model(name):
    return apps.get_model("programmes", name)  # the models use these filters


def _computed_choices():
    projects = in_served_site(_model("ProjectPage").objects.live())
    named = _model("ProjectPage").actions.through.objects.filter(projectpage__in=projects)
    actions = _model("ActionPage").objects.live().filter(pk__in=named.values("actionpage"))
    under = actions.filter(path__startswith=OuterRef("path"))
    programmes = _model("ProgrammePage").objects.live().filter(Exists(under))
    missions = apps.get_model("missions", "MissionPage").objects.live().filter(Exists(under))
    in_communes = _model("ProjectPage").communes.through.objects.filter(projectpage__in=projects)
    communes = Commune.objects.filter(pk__in=in_communes.values("commune"))
    epcis = Epci.objects.filter(communes__in=communes).distinct()
    years = projects.exclude(committee_date=None).annotate(y=ExtractYear("committee_date"))
    kinds = set(projects.values_list("beneficiary_kind", flat=True))
    return {
        "missions": [(m.slug, m.short_name) for m in missions.order_by("path")],
        "programmes": [(p.slug, p.title) for p in programmes.order_by("path")],
        "paths": {
            **dict(missions.values_list("slug", "path")),
            **dict(programmes.values_list("slug", "path")),
        },
        "actions": [(str(a.pk), f"{a.number} {a.title}".strip()) for a in actions.order_by("path")],
        "communautes": sorted(
            epcis.values_list("slug", "name"), key=lambda c: french_sort_key(c[1])
        ),
        "communes": sorted(
            communes.values_list("slug", "name"), key=lambda c: french_sort_key(c[1])
        ),
        "years": [(y, y) for y in sorted(set(years.values_list("y", flat=True)), reverse=True)],
        "kinds": [(key, label) for key, label in BeneficiaryKind.choices if key in kinds],
    }


def filter_choices():
    """The served site's choices (one entry per site of the installation, forgotten together)."""
    by_site = cache.get(CHOICES_KEY) or {}
    site = current_site_id()
    if site not in by_site:
        by_site[site] = _computed_choices()
        cache.set(CHOICES_KEY, by_site, CHOICES_SECONDS)
    return by_site[site]


@receiver([page_published, page_unpublished])
@receiver(post_delete)
def forget_choices(sender, **kwargs):
    if sender._meta.app_label in ("programmes", "missions"):
        forget(CHOICES_KEY)


def _choices(name):
    return lambda: filter_choices()[name]


class ProjectFilter(django_filters.FilterSet):
    mission = django_filters.ChoiceFilter(
        choices=_choices("missions"), label="Mission", empty_label="Toutes",
        method="under",
    )  # fmt: skip
    programme = django_filters.ChoiceFilter(
        choices=_choices("programmes"), label="Programme", empty_label="Tous",
        method="under",
    )  # fmt: skip
    action = django_filters.ChoiceFilter(
        field_name="actions__pk", choices=_choices("actions"), label="Fiche action",
        empty_label="Toutes",
    )  # fmt: skip
    communaute = django_filters.ChoiceFilter(
        field_name="communes__epci__slug", choices=_choices("communautes"),
        label="Communauté de communes", empty_label="Toutes", distinct=True,
    )  # fmt: skip
    commune = django_filters.ChoiceFilter(
        field_name="communes__slug", choices=_choices("communes"), label="Commune",
        empty_label="Toutes",
    )  # fmt: skip
    year = django_filters.ChoiceFilter(
        field_name="committee_date", lookup_expr="year", choices=_choices("years"),
        label="Année du comité", empty_label="Toutes",
    )  # fmt: skip
    kind = django_filters.ChoiceFilter(
        field_name="beneficiary_kind", choices=_choices("kinds"), label="Bénéficiaire",
        empty_label="Tous",
    )  # fmt: skip
    status = django_filters.ChoiceFilter(
        choices=ProjectStatus.choices, label="État", empty_label="Tous"
    )

    def under(self, queryset, name, value):
        """Projects carrying out an action of this mission or programme (a subtree)."""
        path = filter_choices()["paths"][value]
        return queryset.filter(actions__path__startswith=path).distinct()

"""Filters of the register and of the documents (django-filter). A value that is not one of the
choices is reported in French by the form and ignored; the other filters still apply."""

import django_filters
from django.db.models.functions import ExtractYear

from petr.missions.models import MissionPage
from petr.web.shared_lookups import in_served_site

from .models.acts import ActPage, Meeting
from .models.documents import DocumentPage


def act_years():
    years = (
        in_served_site(ActPage.objects.live())
        .annotate(year=ExtractYear("decision_date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(year, year) for year in years]


def document_years():
    documents = in_served_site(DocumentPage.objects.live())
    years = documents.values_list("year", flat=True).distinct().order_by("-year")
    return [(year, year) for year in years]


class ActFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        field_name="decision_date", lookup_expr="year", choices=act_years, label="Année",
        empty_label="Toutes",
    )  # fmt: skip
    kind = django_filters.ChoiceFilter(
        choices=ActPage.Kind.choices, label="Nature", empty_label="Toutes"
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), label="Séance", empty_label="Toutes"
    )


class DocumentFilter(django_filters.FilterSet):
    doc_type = django_filters.ChoiceFilter(
        choices=DocumentPage.Type.choices, label="Type", empty_label="Tous"
    )
    mission = django_filters.ModelChoiceFilter(
        queryset=MissionPage.listed,  # a callable: evaluated when the form is built
        to_field_name="slug",
        label="Mission",
        empty_label="Toutes",
    )
    year = django_filters.ChoiceFilter(choices=document_years, label="Année", empty_label="Toutes")

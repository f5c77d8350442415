"""Filters of the news index (django-filter). A value that is not one of the choices is reported
in French by the form and ignored; the other filter still applies."""

import django_filters

from petr.missions.models import MissionPage
from petr.territory.models import Commune


class NewsFilter(django_filters.FilterSet):
    mission = django_filters.ModelChoiceFilter(
        queryset=MissionPage.listed,  # a callable: evaluated when the form is built
        to_field_name="slug",
        label="Mission",
        empty_label="Toutes les missions",
    )
    commune = django_filters.ModelChoiceFilter(
        field_name="communes",
        queryset=Commune.objects.only("name", "slug"),
        to_field_name="slug",
        label="Commune",
        empty_label="Toutes les communes",
    )

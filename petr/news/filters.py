"""Filters of the news index (django-filter). A value that is not one of the choices is reported
in French by the form and ignored; the other filter still applies. Each offers only the values
that some published news item has: no list of 123 communes where two are named."""

import django_filters
from django.apps import apps

from petr.missions.models import MissionPage
from petr.territory.models import Commune
from petr.web.shared_lookups import in_served_site


def _live_news():
    return in_served_site(apps.get_model("news", "NewsPage").objects.live())


def missions_with_news(request=None):
    return MissionPage.listed().filter(pk__in=_live_news().values("mission"))


def communes_with_news(request=None):
    named = apps.get_model("news", "NewsPage").communes.through.objects.filter(
        newspage__in=_live_news()
    )
    return Commune.objects.filter(pk__in=named.values("commune")).only("name", "slug")


class NewsFilter(django_filters.FilterSet):
    mission = django_filters.ModelChoiceFilter(
        queryset=missions_with_news,  # callables: evaluated when the form is built
        to_field_name="slug",
        label="Mission",
        empty_label="Toutes les missions",
    )
    commune = django_filters.ModelChoiceFilter(
        field_name="communes",
        queryset=communes_with_news,
        to_field_name="slug",
        label="Commune",
        empty_label="Toutes les communes",
    )

from django import forms

from petr.missions.models import MissionPage
from petr.territory.models import Commune


class NewsFilterForm(forms.Form):
    """Filters of the news index. An unknown value is reported in French and ignored."""

    mission = forms.ModelChoiceField(
        MissionPage.objects.live().public().order_by("path"),
        to_field_name="slug",
        required=False,
        empty_label="Toutes les missions",
        label="Mission",
    )
    commune = forms.ModelChoiceField(
        Commune.objects.only("name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label="Toutes les communes",
        label="Commune",
    )

    def filter(self, news):
        if not self.is_bound or not self.is_valid():
            return news
        if self.cleaned_data["mission"]:
            news = news.filter(mission=self.cleaned_data["mission"])
        if self.cleaned_data["commune"]:
            news = news.filter(communes=self.cleaned_data["commune"])
        return news

from django import forms
from django.db.models.functions import ExtractYear

from petr.missions.models import MissionPage

from .models import ActPage, DocumentPage, Meeting


class ActFilterForm(forms.Form):
    """Filters of the register. An unknown value is reported in French and ignored."""

    year = forms.TypedChoiceField(label="Année", coerce=int, required=False)
    kind = forms.ChoiceField(
        label="Nature", required=False, choices=[("", "Toutes"), *ActPage.Kind.choices]
    )
    meeting = forms.ModelChoiceField(
        Meeting.objects.all(), label="Séance", required=False, empty_label="Toutes"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = (
            ActPage.objects.live()
            .annotate(year=ExtractYear("decision_date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        self.fields["year"].choices = [("", "Toutes"), *[(y, y) for y in years]]

    def filter(self, acts):
        if not self.is_bound or not self.is_valid():
            return acts
        if self.cleaned_data["year"]:
            acts = acts.filter(decision_date__year=self.cleaned_data["year"])
        if self.cleaned_data["kind"]:
            acts = acts.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data["meeting"]:
            acts = acts.filter(meeting=self.cleaned_data["meeting"])
        return acts


class DocumentFilterForm(forms.Form):
    doc_type = forms.ChoiceField(
        label="Type", required=False, choices=[("", "Tous"), *DocumentPage.Type.choices]
    )
    mission = forms.ModelChoiceField(
        MissionPage.objects.live().public().order_by("path"),
        to_field_name="slug",
        required=False,
        empty_label="Toutes",
        label="Mission",
    )
    year = forms.TypedChoiceField(label="Année", coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = (
            DocumentPage.objects.live().values_list("year", flat=True).distinct().order_by("-year")
        )
        self.fields["year"].choices = [("", "Toutes"), *[(y, y) for y in years]]

    def filter(self, documents):
        if not self.is_bound or not self.is_valid():
            return documents
        for field in ("doc_type", "mission", "year"):
            if self.cleaned_data[field]:
                documents = documents.filter(**{field: self.cleaned_data[field]})
        return documents

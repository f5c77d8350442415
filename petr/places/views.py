"""The carpool-places import: a file and the mission it belongs to; every error listed by row,
nothing written unless the whole file is valid."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from petr.missions.models import MissionPage
from petr.web.shared_lookups import public

from .carpool import MAX_ROWS, import_places, read_text
from .models import CARPOOL_SCHEMA


class ImportForm(forms.Form):
    mission = forms.ModelChoiceField(
        MissionPage.objects.none(),
        label="Mission des lieux importés",
        empty_label="Choisissez la mission",
        help_text="La page de cette mission montrera les lieux importés. Les lieux déjà présents "
        "(même identifiant local) gardent leur mission.",
    )
    file = forms.FileField(
        label="Fichier CSV",
        help_text=f"Au format de la base nationale des lieux de covoiturage (schéma "
        f"{CARPOOL_SCHEMA.version}), en UTF-8, {MAX_ROWS} lignes au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        missions = public(MissionPage.objects.live()).order_by("path")
        self.fields["mission"].queryset = missions
        self.fields["mission"].required = missions.exists()  # a site still without missions


def places(count, done):
    plural = count > 1 and not done.endswith(" jour")
    return f"{count} lieu{'x' if count > 1 else ''} {done}{'s' if plural else ''}"


def import_carpool_places(request):
    if not request.user.has_perm("places.add_place"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        text, error = read_text(form.cleaned_data["file"])
        result = import_places(text, form.cleaned_data["mission"]) if text is not None else None
        errors = [error] if error else result.errors
        if not errors:
            messages.success(
                request,
                f"Import réussi : {places(result.created, 'ajouté')}, "
                f"{places(result.updated, 'mis à jour')}.",
            )
            return redirect(reverse("wagtailsnippets_places_place:list"))
    return TemplateResponse(
        request,
        "places/admin/import.html",
        {"form": form, "errors": errors, "columns": CARPOOL_SCHEMA.names},
    )

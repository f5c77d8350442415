"""The admin's first-run screen: on an empty installation, a superuser creates the site from its
name, its member SIRENs and its missions (petr/home/new_site.py), without a command line."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from petr.home.new_site import NewSiteError, create, is_empty, mission_choices, split_sirens


class FirstRunForm(forms.Form):
    name = forms.CharField(label="Nom", max_length=100,
                           help_text="Par exemple « PETR du Pays de … ».")  # fmt: skip
    sirens = forms.CharField(
        label="SIREN des communautés membres",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Un par ligne : 9 chiffres, tels que l'annuaire des entreprises les donne.",
    )
    missions = forms.MultipleChoiceField(
        label="Missions", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Chacune reçoit une page de départ qui dit quoi écrire ; d'autres s'ajoutent "
        "ensuite sous « Nos missions ».",
    )  # fmt: skip
    address = forms.URLField(label="Adresse publique", required=False, assume_scheme="https",
                             help_text="Par exemple https://www.petr-exemple.fr")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missions"].choices = mission_choices()


def first_run(request):
    if not request.user.is_superuser:
        return permission_denied(request)
    if not is_empty():
        messages.info(request, "Le site est déjà construit.")
        return redirect("wagtailadmin_home")
    form = FirstRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            create(data["name"], split_sirens(data["sirens"]), data["missions"], data["address"])
        except NewSiteError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Le site « {data['name']} » est créé. Remplissez "
                             "maintenant ce qui manque, listé ci-dessous.")  # fmt: skip
            return redirect("wagtailadmin_home")
    response = TemplateResponse(request, "home/admin/first_run.html", {"form": form})
    if form.errors:
        response.status_code = 400
    return response

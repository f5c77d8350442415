"""The admin's first-run screen: on an empty installation, a superuser creates the site from its
name, its member SIRENs and its missions (petr/home/new_site.py), without a command line; once it
exists, « Ajouter un site » (Paramètres) creates another PETR's beside it, at its own address."""

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


class AnotherSiteForm(FirstRunForm):
    address = forms.URLField(label="Adresse publique", assume_scheme="https",
                             help_text="Le nom sous lequel ce site répond, par exemple "
                             "https://www.petr-voisin.fr")  # fmt: skip


def first_run(request):
    if not is_empty():
        messages.info(request, "Le site est déjà construit.")
        return redirect("wagtailadmin_home")
    return _create(request, FirstRunForm, "Créer le site")


def another_site(request):
    if is_empty():
        return redirect("petr_first_run")
    return _create(request, AnotherSiteForm, "Ajouter un site")


def _create(request, form_class, title):
    if not request.user.is_superuser:
        return permission_denied(request)
    form = form_class(request.POST or None)
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
    context = {"form": form, "title": title, "first": form_class is FirstRunForm}
    response = TemplateResponse(request, "home/admin/first_run.html", context)
    if form.errors:
        response.status_code = 400
    return response

"""The territory in the admin: the import history and the data, read-only since an import owns
them; only what no source provides (a communauté's website and seat) is edited by staff."""

from django.db import models
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from petr.core.admin.permissions import LimitedPolicy

from .figures import last_successful_import
from .models import Commune, DataImport, Epci, TownHall


class DataImportViewSet(ModelViewSet):
    model = DataImport
    icon = "history"
    menu_label = "Historique des imports"
    list_display = ["started_at", "source", "succeeded", "data_version", "summary"]
    list_filter = ["succeeded", "source"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "started_at",
        "source",
        "succeeded",
        "data_version",
        "population_vintage",
        "attribution",
        "summary",
        "changes",
    ]
    form_fields = []  # never edited: the policy allows viewing only
    name = "territory_imports"
    url_prefix = "territoire/imports"


def https_formfield(db_field, **kwargs):
    """Django 6's default, now: an address typed without a scheme is taken as https."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return formfield_for_dbfield(db_field, **kwargs)


class EpciForm(WagtailAdminModelForm):
    class Meta:
        model = Epci
        fields = ["website", "seat"]
        formfield_callback = https_formfield


class EpciViewSet(ModelViewSet):
    model = Epci
    icon = "group"
    menu_label = "Communautés de communes"
    list_display = ["name", "siren", "seat", "website"]

    def get_form_class(self, for_update=False):
        return EpciForm

    inspect_view_enabled = True
    name = "territory_epcis"
    url_prefix = "territoire/communautes"


class CommuneViewSet(ModelViewSet):
    model = Commune
    icon = "site"
    menu_label = "Communes"
    list_display = ["name", "code_insee", "epci", "population", "surface_ha"]
    list_filter = ["epci"]
    search_fields = ["name", "code_insee", "postal_codes"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name", "code_insee", "siren", "epci", "postal_codes", "population", "surface_ha",
        "latitude", "longitude",
    ]  # fmt: skip
    form_fields = []
    name = "territory_communes"
    url_prefix = "territoire/communes"


class TownHallForm(WagtailAdminModelForm):
    class Meta:
        model = TownHall
        fields = ["commune", "name", "mayor", "address", "phone", "email", "website",
                  "opening_hours"]  # fmt: skip
        formfield_callback = https_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.all()  # the perimeter


class TownHallViewSet(ModelViewSet):
    """Imported by `import_town_halls`; a correction made here survives the next import."""

    model = TownHall
    icon = "home"
    menu_label = "Mairies"
    list_display = ["commune", "mayor", "phone", "imported_at"]
    list_filter = ["commune__epci"]
    search_fields = ["commune__name", "mayor", "name"]
    name = "territory_town_halls"
    url_prefix = "territoire/mairies"

    def get_form_class(self, for_update=False):
        return TownHallForm


register_permission_policy(DataImport, LimitedPolicy(DataImport, {"view"}))
register_permission_policy(Epci, LimitedPolicy(Epci, {"view", "change"}))
register_permission_policy(Commune, LimitedPolicy(Commune, {"view"}))


class TerritoryGroup(ViewSetGroup):
    menu_label = "Territoire"
    menu_icon = "site"
    menu_order = 250
    items = (EpciViewSet, CommuneViewSet, TownHallViewSet, DataImportViewSet)


@hooks.register("register_admin_viewset")
def register_territory():
    return TerritoryGroup()


class LastImportPanel(Component):
    """On the dashboard: when the territory was last imported, and whether the last run failed."""

    name = "last_territory_import"
    order = 50
    template_name = "territory/admin/last_import_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "last_run": DataImport.objects.order_by("-started_at", "-pk").first(),
            "last_success": last_successful_import(),
        }


@hooks.register("construct_homepage_panels")
def add_last_import_panel(request, panels):
    if request.user.has_perm("territory.view_dataimport"):
        panels.append(LastImportPanel())

"""Places in the admin: a snippet with revisions and search, a map to click for the coordinates,
and the import of a national carpool-places CSV."""

from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from petr.core.french.numbers import decimal_comma
from petr.territory.models import Commune, TerritoryMap
from petr.territory.presentation import map_data
from petr.territory.widgets import CommuneSelect

from . import views
from .models import Place

COORDINATE_ERROR = "Coordonnée non reconnue : saisissez des degrés décimaux, par exemple 48,9123."


class PlaceForm(WagtailAdminModelForm):
    """A place typed by hand is dated today; its point must lie in the territory, and in its
    commune (the neighbour a click landed in is named)."""

    class Meta:
        model = Place
        exclude = ["updated_on", "local_id"]
        widgets = {"commune": CommuneSelect}
        formfield_callback = formfield_for_dbfield  # French amounts and dates

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("longitude", "latitude"):
            self.fields[name].error_messages["invalid"] = COORDINATE_ERROR

    def clean(self):
        data = super().clean()
        lon, lat = data.get("longitude"), data.get("latitude")
        territory = TerritoryMap.objects.first()
        if lon is None or lat is None:
            return data
        point = f"{decimal_comma(lat)} N, {decimal_comma(lon)} E"
        if territory and not territory.contains(lon, lat):
            self.add_error(
                "latitude",
                f"Ce point ({point}) est hors du territoire : "
                "vérifiez les coordonnées (degrés décimaux ; la latitude et la longitude ne "
                "sont-elles pas inversées ?).",
            )
        elif (commune := data.get("commune")) and not commune.contains(lon, lat):
            found = Commune.at(lon, lat)
            where = f"à {found}" if found else "hors de toute commune du territoire"
            self.add_error(
                "commune",
                f"Le point ({point}) est {where}, pas à {commune} : choisissez la bonne "
                "commune, ou corrigez le point sur la carte.",
            )
        return data

    def save(self, commit=True):
        self.instance.updated_on = timezone.localdate()
        return super().save(commit)


class MapPickerPanel(HelpPanel):
    """The territory drawn in the form: a click fills the coordinates (typed by hand otherwise)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "places/admin/map_picker.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            data = map_data(None)
            context["territory_map"] = data.territory_map
            context["communes"] = [c for c in data.communes if c.map_path]
            return context

        @property
        def media(self):
            return forms.Media(js=["js/place-picker.js"])


class PlaceIndexView(IndexView):
    add_item_label = "Ajouter un lieu"

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    "Importer un fichier", url=reverse("places_import"), icon_name="upload"
                )
            )
        return buttons


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "pick"
    menu_label = "Lieux"
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = PlaceIndexView
    list_display = [
        "name",
        "category",
        "commune",
        "mission",
        BooleanColumn("is_open", label="En service"),
    ]
    list_filter = ["category", "mission", "is_open"]
    list_export = ["local_id", "name", "category", "address", "commune", "latitude", "longitude"]
    edit_handler = ObjectList([
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("carpool_type")]),
        FieldPanel("mission", widget=forms.Select),
        FieldPanel("commune"),
        FieldPanel("address"),
        FieldPanel("locality"),
        MultiFieldPanel(
            [
                MapPickerPanel(),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Position",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_open"),
                FieldPanel("opening_hours"),
                FieldRowPanel(
                    [
                        FieldPanel("spaces"),
                        FieldPanel("accessible_spaces"),
                        FieldPanel("max_stay_minutes"),
                    ]
                ),
                FieldPanel("lighting"),
                FieldPanel("owner"),
                FieldPanel("comment"),
                FieldPanel("source_siren"),
            ],
            heading="Pratique",
        ),
    ], base_form_class=PlaceForm)  # fmt: skip


register_snippet(PlaceViewSet)


@hooks.register("register_admin_urls")
def import_urls():
    return [path("lieux/importer/", views.import_carpool_places, name="places_import")]

"""Séances and the bodies that hold them are kept under « Séances » in the menu. The act form's
chooser can create a séance in place (its « Nouvelle séance » tab), so a secretary never leaves
the act being written; the body is chosen from the list, which the form links to."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from petr.core.admin.dates import FrenchInput

from .models import Body, Meeting


class MeetingForm(WagtailAdminModelForm):
    """The séance form, in the « Nouvelle séance » tab too: the body from the list, none chosen
    in advance, and the French date field with its format hint."""

    body = forms.ModelChoiceField(
        Body.objects.all(),
        label="Instance",
        empty_label="Choisissez l'instance",
    )

    class Meta:
        model = Meeting
        fields = ["body", "date"]
        widgets = {"date": FrenchInput("date")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = format_html(
            'Une instance manque ou est mal nommée ? <a href="{}" target="_blank">Modifier la '
            "liste des instances</a> (nouvel onglet), puis rechargez cette page.",
            reverse("wagtailsnippets_library_body:list"),
        )


class MeetingChooserViewSet(SnippetChooserViewSet):
    creation_form_class = MeetingForm
    creation_tab_label = "Nouvelle séance"
    create_action_label = "Créer la séance"


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    form_fields = ["body", "date"]
    chooser_viewset_class = MeetingChooserViewSet

    def get_form_class(self, for_update=False):
        return MeetingForm


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    list_display = ["name", "order"]
    form_fields = ["name", "order"]


class RegisterViewSetGroup(SnippetViewSetGroup):
    items = (MeetingViewSet, BodyViewSet)
    menu_label = "Séances"
    menu_icon = "date"
    menu_order = 250


register_snippet(RegisterViewSetGroup)

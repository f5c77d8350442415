"""Séances are snippets; the act form's chooser can create one in place (its « Nouvelle séance »
tab), so a secretary never leaves the act being written."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from petr.core.admin.dates import FrenchInput

from .models import Meeting


class MeetingForm(WagtailAdminModelForm):
    """The « Nouvelle séance » tab's form, with the French date field and its format hint."""

    class Meta:
        model = Meeting
        fields = ["body", "date"]
        widgets = {"date": FrenchInput("date")}


class MeetingChooserViewSet(SnippetChooserViewSet):
    creation_form_class = MeetingForm
    creation_tab_label = "Nouvelle séance"
    create_action_label = "Créer la séance"


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    chooser_viewset_class = MeetingChooserViewSet


register_snippet(MeetingViewSet)

"""Séances are snippets; the act form's chooser can create one in place (its « Nouvelle séance »
tab), so a secretary never leaves the act being written."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Meeting


class MeetingChooserViewSet(SnippetChooserViewSet):
    form_fields = ["body", "date"]
    creation_tab_label = "Nouvelle séance"
    create_action_label = "Créer la séance"


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    chooser_viewset_class = MeetingChooserViewSet


register_snippet(MeetingViewSet)

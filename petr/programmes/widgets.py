"""Choosing a project's fiches actions in the admin: ticked under their programme's title, the
published ones first; a draft says that it counts nowhere until it is published (the LEADER
envelope and the programme's page read published actions only)."""

from django import forms
from wagtail.models import Page

DRAFT = " — brouillon : ne compte nulle part tant qu'elle n'est pas publiée"


class ActionCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/grouped_checkboxes.html"

    def optgroups(self, name, value, attrs=None):
        actions = list(self.choices.queryset)
        parents = {action.path[: -action.steplen] for action in actions}
        programmes = dict(Page.objects.filter(path__in=parents).order_by("path")
                          .values_list("path", "title"))  # fmt: skip
        groups = {title: [] for title in programmes.values()}
        ordered = sorted(actions, key=lambda action: (not action.live, action.path))
        for index, action in enumerate(ordered):
            label = action.title + ("" if action.live else DRAFT)
            option = self.create_option(name, action.pk, label, str(action.pk) in value, index)
            groups.setdefault(programmes.get(action.path[: -action.steplen], ""), []).append(option)
        return [(title, options, i) for i, (title, options) in enumerate(groups.items()) if options]

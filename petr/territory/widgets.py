"""Choosing communes in the admin: grouped by communauté de communes, in French order, ticked
rather than Ctrl-clicked in a 123-line list."""

from django import forms

from .models import Epci


class ByCommunauteMixin:
    def optgroups(self, name, value, attrs=None):
        """The options under their communauté's name (communautés and communes both in French
        order: the model's collation)."""
        epcis = dict(Epci.objects.values_list("pk", "name"))
        groups, unset = {name: [] for name in epcis.values()}, []
        for _group, options, _index in super().optgroups(name, value, attrs):
            for option in options:
                instance = getattr(option["value"], "instance", None)
                if instance is None:
                    unset.append(option)  # « --------- » of an optional choice
                else:
                    groups[epcis[instance.epci_id]].append(option)
        grouped = [(None, unset, 0)] if unset else []
        return grouped + [(label, options, i + 1) for i, (label, options) in
                          enumerate(groups.items()) if options]  # fmt: skip


class CommuneSelect(ByCommunauteMixin, forms.Select):
    pass


class CommuneCheckboxes(ByCommunauteMixin, forms.CheckboxSelectMultiple):
    template_name = "core/widgets/grouped_checkboxes.html"


def keep_departed_communes(form, name="communes"):
    """The choosers offer the current perimeter only: a commune that has left it is not sent
    back by the form, and would be dropped at the next save. It is kept (call from clean())."""
    if form.instance.pk and form.cleaned_data.get(name) is not None:
        departed = [c for c in getattr(form.instance, name).all() if not c.in_perimeter]
        form.cleaned_data[name] = [*form.cleaned_data[name], *departed]

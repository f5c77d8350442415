import unicodedata

from django.db.models import Count, Sum
from wagtail import blocks

from .models.data import Commune, Epci


class MembersBlock(blocks.StructBlock):
    """The member communautés de communes with their figures and communes, from the data."""

    title = blocks.CharBlock(label="titre", default="Les communautés de communes membres")

    class Meta:
        icon = "group"
        label = "membres du PETR"
        template = "territory/blocks/members.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        communes = Commune.objects.only("name", "epci_id")
        members = Epci.objects.annotate(
            commune_count=Count("communes"),
            population=Sum("communes__population"),
            surface_ha=Sum("communes__surface_ha"),
        ).order_by("name")
        by_epci = {}
        for commune in communes:
            by_epci.setdefault(commune.epci_id, []).append(commune)
        for member in members:
            member.commune_list = by_epci.get(member.pk, [])
            member.area_km2 = member.surface_ha / 100 if member.surface_ha else 0
            member.commune_list.sort(key=lambda commune: french_sort_key(commune.name))
        context["members"] = members
        return context


def french_sort_key(name):
    """« Évres » sorts with the E's, not after « Z » as a byte-wise ORDER BY would put it."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()

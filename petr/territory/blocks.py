from wagtail import blocks

from . import presentation


class MembersBlock(blocks.StructBlock):
    """The member communautés de communes with their figures and communes, from the data."""

    title = blocks.CharBlock(label="titre", default="Les communautés de communes membres")

    class Meta:
        icon = "group"
        label = "membres du PETR"
        template = "territory/blocks/members.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        base_url = (parent_context or {}).get("territory_url")  # from PetrPage.get_context
        data = presentation.map_data(base_url)
        members = data.epcis
        by_epci = {}
        for commune in data.communes:
            by_epci.setdefault(commune.epci_id, []).append(commune)
        for member in members:
            member.commune_list = by_epci.get(member.pk, [])
        context["members"] = members
        return context

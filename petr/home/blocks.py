"""The home page's sections: key figures (computed, never typed) and the mission tabs."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from petr.territory.figures import territory_figures


class KeyFiguresSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", default="Le PETR en chiffres")
    intro = blocks.TextBlock(label="introduction", required=False)

    class Meta:
        icon = "order"
        label = "« Le PETR en chiffres »"
        template = "home/blocks/key_figures_section.html"
        help_text = "Les chiffres sont calculés à partir des données officielles du territoire."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["figures"] = territory_figures()
        return context


class MissionTabBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="page de la mission", page_type="missions.MissionPage")
    label = blocks.CharBlock(
        label="libellé de l'onglet", required=False, help_text="Par défaut : titre de la page."
    )
    text = blocks.TextBlock(label="présentation")
    image = ImageChooserBlock(label="image", required=False)
    link_text = blocks.CharBlock(
        label="texte du lien", required=False, help_text="Par défaut : « Découvrir la mission … »."
    )


class MissionTabsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", default="Nos missions")
    tabs = blocks.ListBlock(MissionTabBlock(), label="onglets", min_num=1)

    class Meta:
        icon = "folder-open-1"
        label = "« Nos missions » (onglets)"
        template = "home/blocks/mission_tabs.html"


class QuickAccessTileBlock(blocks.StructBlock):
    audience = blocks.CharBlock(label="public", help_text="Par exemple « Habitant ou habitante ».")
    links = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("page", blocks.PageChooserBlock(label="page")),
                ("label", blocks.CharBlock(label="libellé", required=False)),
            ],
            label="lien",
        ),
        label="liens",
        min_num=1,
        max_num=5,
    )


class QuickAccessBlock(blocks.StructBlock):
    """« Je suis… »: a few tiles, one per kind of visitor, each with its most useful pages."""

    title = blocks.CharBlock(label="titre", default="Accès rapides")
    tiles = blocks.ListBlock(QuickAccessTileBlock(), label="tuiles", min_num=1, max_num=6)

    class Meta:
        icon = "pick"
        label = "accès rapides par public"
        template = "home/blocks/quick_access.html"


class TextSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre")
    text = blocks.RichTextBlock(label="texte", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "doc-full"
        label = "section de texte"
        template = "home/blocks/text_section.html"

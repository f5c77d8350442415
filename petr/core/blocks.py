"""The few content blocks editors compose pages with. Each has one template in
templates/core/blocks/. Changing a definition means a migration: do it deliberately."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from petr.core.admin.dates import ERRORS, FrenchInput

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class _FrenchField:
    """A date or time inside a StreamField typed the French way, as in the model fields
    (core/admin/dates.py): Wagtail's picker in a block replaced `30/11/2026` by today's date.
    Every block with a date or a time is one of the three below (core/tests/test_house.py)."""

    kind, form_field = None, None

    @cached_property
    def field(self):
        options = {"error_messages": {"invalid": ERRORS[self.kind]}, **self.field_options}
        return self.form_field(widget=FrenchInput(self.kind), **options)


class FrenchDateBlock(_FrenchField, blocks.DateBlock):
    kind, form_field = "date", forms.DateField


class FrenchTimeBlock(_FrenchField, blocks.TimeBlock):
    kind, form_field = "time", forms.TimeField


class FrenchDateTimeBlock(_FrenchField, blocks.DateTimeBlock):
    kind, form_field = "datetime", forms.DateTimeField


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="page")
    label = blocks.CharBlock(
        label="libellé",
        required=False,
        help_text="Laisser vide pour reprendre le titre de la page.",
    )

    class Meta:
        icon = "link"
        label = "lien"
        template = "core/blocks/navigation_link.html"


class CallToActionBlock(blocks.StructBlock):
    """A way to act from a mission page: a page of the site, a file, or another site."""

    label = blocks.CharBlock(label="libellé", help_text="Par exemple « Déposer un projet ».")
    page = blocks.PageChooserBlock(label="page du site", required=False)
    document = DocumentChooserBlock(label="fichier", required=False)
    url = blocks.URLBlock(label="ou adresse d'un autre site", required=False)

    class Meta:
        icon = "link-external"
        label = "action"
        template = "core/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList(
                        ["Choisissez une seule cible : une page, un fichier ou une adresse."]
                    )
                }
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="titre")
    anchor = blocks.CharBlock(
        label="ancre",
        required=False,
        help_text="Identifiant pour lier directement cette section (ex. « tepcv »). "
        "Laisser vide pour le déduire du titre.",
    )

    class Meta:
        icon = "title"
        label = "titre de section"
        template = "core/blocks/heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["anchor"] or value["text"])
        return context


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="valeur", help_text="Ex. « −14,5 % » ou « 2030 ».")
    label = blocks.CharBlock(label="légende")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label="chiffres", min_num=1)
    source = blocks.CharBlock(label="source", required=False)

    class Meta:
        icon = "order"
        label = "chiffres clés"
        template = "core/blocks/key_figures.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="intitulé")
    text = blocks.TextBlock(label="précision", required=False)


class StepsBlock(blocks.StructBlock):
    """An ordered list: the axes of a contract, the steps of an application…"""

    title = blocks.CharBlock(label="titre", required=False)
    steps = blocks.ListBlock(StepBlock(), label="éléments", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "liste numérotée"
        template = "core/blocks/steps.html"


class TimelineStepBlock(blocks.StructBlock):
    start_year = blocks.IntegerBlock(label="année", min_value=1800, max_value=2200)
    end_year = blocks.IntegerBlock(
        label="jusqu'en", required=False, min_value=1800, max_value=2200,
        help_text="Pour une période : 2021, jusqu'en 2026.",
    )  # fmt: skip
    title = blocks.CharBlock(label="étape")
    text = blocks.RichTextBlock(
        label="texte", required=False, features=["bold", "italic", "ul", "link", "document-link"]
    )

    class Meta:
        label = "étape"

    def clean(self, value):
        value = super().clean(value)
        if value.get("end_year") is not None and value["end_year"] < value["start_year"]:
            raise blocks.StructBlockValidationError(
                block_errors={"end_year": ValidationError("La fin précède le début.")}
            )
        return value


def in_order(steps):
    return sorted(steps, key=lambda step: (step["start_year"], step["end_year"] or 0))


class TimelineBlock(blocks.StructBlock):
    """Dated steps, always shown in chronological order whatever order they were typed in: the
    PETR's history, a mission's successive contracts."""

    title = blocks.CharBlock(label="titre", required=False)
    steps = blocks.ListBlock(TimelineStepBlock(), label="étapes", min_num=1)

    class Meta:
        icon = "time"
        label = "frise chronologique"
        template = "core/blocks/timeline.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["steps"] = in_order(value["steps"])
        return context


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre")
    text = blocks.RichTextBlock(label="texte", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = "encadré"
        template = "core/blocks/callout.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="image")
    alt = blocks.CharBlock(
        label="texte alternatif",
        required=False,
        help_text="Laisser vide pour reprendre celui de l'image ; décrire ce que l'image apporte.",
    )
    caption = blocks.CharBlock(label="légende", required=False)

    class Meta:
        icon = "image"
        label = "image"
        template = "core/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="citation")
    source = blocks.CharBlock(label="auteur ou source", required=False)

    class Meta:
        icon = "openquote"
        label = "citation"
        template = "core/blocks/quote.html"


TABLE_MENU = {
    "row_above": "Insérer une ligne au-dessus",
    "row_below": "Insérer une ligne en dessous",
    "col_left": "Insérer une colonne à gauche",
    "col_right": "Insérer une colonne à droite",
    "remove_row": "Supprimer la ligne",
    "remove_col": "Supprimer la colonne",
    "undo": "Annuler",
    "redo": "Rétablir",
}


class ContentTableBlock(TableBlock):
    """Wagtail's table, with a required caption: a table's title, read by screen readers (RGAA
    5.4). Its first row or column may be headers; cells are plain text."""

    def __init__(self, **kwargs):
        # Handsontable, bundled by Wagtail, has only its en-US dictionary: its menu is named here.
        menu = {key: {"name": name} for key, name in TABLE_MENU.items()}
        options = {"language": "en-US", "contextMenu": {"items": menu}}
        super().__init__(table_options=options, **kwargs)

    class Meta:
        icon = "table"
        label = "tableau"
        template = "core/blocks/table.html"

    def clean(self, value):
        value = super().clean(value)
        if value and not (value.get("table_caption") or "").strip():
            raise ValidationError(
                "Donnez un titre au tableau (il est lu par les lecteurs d'écran)."
            )
        return value


class BodyStreamBlock(blocks.StreamBlock):
    """Two headings with the same anchor would make links to a section ambiguous."""

    def clean(self, value):
        cleaned = super().clean(value)
        anchors = [
            slugify(child.value["anchor"] or child.value["text"])
            for child in cleaned
            if child.block_type == "heading"
        ]
        duplicates = {a for a in anchors if anchors.count(a) > 1}
        if duplicates:
            message = f"Deux titres de section ont la même ancre : {', '.join(sorted(duplicates))}."
            raise blocks.StreamBlockValidationError(
                non_block_errors=ErrorList([ValidationError(message)])
            )
        return cleaned


class PublisherBlock(blocks.StaticBlock):
    """The publisher's legal details, read from the « Identité et coordonnées » setting."""

    class Meta:
        icon = "site"
        label = "informations de l'éditeur (mentions légales)"
        admin_text = (
            "Affiche l'éditeur, la direction de la publication et l'hébergeur saisis "
            "dans Paramètres › Identité et coordonnées."
        )
        template = "core/blocks/publisher.html"


def paragraph_block():
    return blocks.RichTextBlock(
        label="paragraphe", features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )


def body_stream(extra_blocks=()):
    """The stream of a page body; a page type may append blocks of its own."""
    return BodyStreamBlock(
        [
            ("heading", HeadingBlock()),
            ("paragraph", paragraph_block()),
            ("key_figures", KeyFiguresBlock()),
            ("steps", StepsBlock()),
            ("timeline", TimelineBlock()),
            ("callout", CalloutBlock()),
            ("image", ImageBlock()),
            ("quote", QuoteBlock()),
            ("table", ContentTableBlock()),
            ("publisher", PublisherBlock()),
            *extra_blocks,
        ]
    )

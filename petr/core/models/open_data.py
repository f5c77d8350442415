"""What staff add to the open-data catalogue (/donnees/): a presentation and, for any dataset,
a description of their own in place of the one the site writes from its source."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import StreamField

from petr.core import opendata
from petr.core.models.site_settings import CachedSiteSetting


def dataset_choices():
    names = [(name, dataset.title) for name, dataset in opendata.DATASETS.items()]
    return names + [(name, file.title) for name, file in opendata.NATIONAL.items()]


class DatasetDescriptionBlock(blocks.StructBlock):
    dataset = blocks.ChoiceBlock(label="jeu de données", choices=dataset_choices)
    text = blocks.TextBlock(label="description")

    class Meta:
        icon = "table"
        label = "description d'un jeu de données"


@register_setting(icon="table")
class OpenDataSettings(CachedSiteSetting):
    intro = models.TextField(
        "présentation",
        blank=True,
        help_text="Affichée en tête de la page « Données ouvertes » (/donnees/).",
    )
    descriptions = StreamField(
        [("dataset", DatasetDescriptionBlock())], blank=True,
        verbose_name="descriptions des jeux de données",
    )  # fmt: skip

    panels = [FieldPanel("intro"), FieldPanel("descriptions")]

    class Meta:
        verbose_name = "données ouvertes"

    def description_of(self, name):
        texts = {block.value["dataset"]: block.value["text"] for block in self.descriptions}
        return texts.get(name, "")

"""An action's indicators: unit, baseline, target and dated measurements. Progress is computed
on the server, said in words and drawn as a bar that repeats the words (aria-hidden)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.fields import StreamField

from petr.core.blocks import FrenchDateBlock


class MeasurementBlock(blocks.StructBlock):
    date = FrenchDateBlock(label="date")
    value = blocks.DecimalBlock(label="valeur", decimal_places=2, max_digits=14)


class IndicatorBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label="indicateur", help_text="Par exemple « Ateliers de prévention »."
    )
    unit = blocks.CharBlock(label="unité", required=False, help_text="Par exemple « ateliers ».")
    baseline = blocks.DecimalBlock(label="valeur de départ", decimal_places=2, max_digits=14)
    target = blocks.DecimalBlock(label="cible", decimal_places=2, max_digits=14)
    measurements = blocks.ListBlock(MeasurementBlock(), label="mesures", min_num=0)

    class Meta:
        icon = "order"
        label = "indicateur"

    def clean(self, value):
        value = super().clean(value)
        if value["baseline"] == value["target"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "target": ErrorList(["La cible doit différer de la valeur de départ."])
                }
            )
        return value


@dataclass
class Progress:
    label: str
    unit: str
    baseline: Decimal
    target: Decimal
    value: Decimal | None
    measured_on: date | None

    @property
    def percent(self):
        """Share of the way from the baseline to the target, 0 to 100 (None before a measure)."""
        if self.value is None:
            return None
        share = (self.value - self.baseline) / (self.target - self.baseline) * 100
        return int(max(0, min(100, share)))


def progress(indicator):
    measures = sorted(indicator["measurements"], key=lambda measure: measure["date"])
    last = measures[-1] if measures else None
    return Progress(
        indicator["label"],
        indicator["unit"],
        indicator["baseline"],
        indicator["target"],
        last["value"] if last else None,
        last["date"] if last else None,
    )


def no_negative(value):
    if value is not None and value < 0:
        raise ValidationError("Un montant ne peut pas être négatif.")


def related_documents(verbose_name):
    """Documents of the library and acts of the register a page links to."""
    chooser = blocks.PageChooserBlock(
        label="document ou acte", page_type=["library.DocumentPage", "library.ActPage"]
    )
    return StreamField([("page", chooser)], blank=True, verbose_name=verbose_name)

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.contrib.settings.models import register_setting

from petr.core.models.of_a_site import ServedSiteSetting
from petr.territory.parsing import TerritoryDataError, parse_sirens


def validate_sirens(value):
    try:
        if not parse_sirens(value):
            raise ValidationError("Indiquez au moins un SIREN.")
    except TerritoryDataError as exc:
        raise ValidationError(str(exc)) from exc


@register_setting(icon="site")
class TerritorySettings(ServedSiteSetting):
    """The PETR's perimeter: the import reads exactly these communautés de communes."""

    member_sirens = models.TextField(
        "SIREN des communautés de communes membres",
        validators=[validate_sirens],
        help_text="Un SIREN par ligne. Après une adhésion ou une fusion, modifiez la liste : "
        "l'import suivant met à jour les communes, les chiffres et la carte.",
    )

    class Meta:
        verbose_name = "territoire du PETR"

    @property
    def sirens(self):
        return parse_sirens(self.member_sirens)

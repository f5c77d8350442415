"""Amounts in the admin the French way: `12 500,50`, `12500.50` or `12 500 €` are read alike;
values are shown with a decimal comma. A number field would refuse the space and the comma."""

from decimal import Decimal

from django import forms
from django.db import models

from petr.core.french.numbers import decimal_comma

SPACES = (" ", "\u00a0", "\u202f", "€")


class FrenchDecimalField(forms.DecimalField):
    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "invalid", "Montant non reconnu : saisissez un nombre, par exemple 12 500,50."
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if isinstance(value, str):
            for space in SPACES:
                value = value.replace(space, "")
            value = value.replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return decimal_comma(value)
        return value


def register():
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(models.DecimalField, override={"form_class": FrenchDecimalField})

"""Numbers written the French way, the one formatter of the portal: grouping by a narrow no-break
space and a decimal comma for people (pages, receipts), the decimal comma alone for machines and
inputs (open-data CSV, admin fields), whatever the active locale."""

from decimal import Decimal

from django.utils.numberformat import format as number_format


def fr_number(value, decimals=0):
    """« 25 312 », « 1 604,27 »: rounded to `decimals` places, grouped by thousands."""
    if value in (None, ""):
        return ""
    value = round(Decimal(str(value)), int(decimals))
    return number_format(
        value,
        ",",
        decimal_pos=int(decimals),
        grouping=3,
        thousand_sep="\u202f",
        force_grouping=True,
    )


def fr_value(value):
    """`fr_number` with the cents only when there are some: « 12 », « 12,50 »."""
    if value in (None, ""):
        return ""
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return fr_number(value, 0 if whole else 2)


def decimal_comma(value, places=None):
    """« 48,9123 », « 12,50 » (with `places`): no grouping, for files and form fields."""
    if value is None:
        return ""
    if places is None:
        return str(value).replace(".", ",")
    return f"{Decimal(value):.{places}f}".replace(".", ",")

"""The site's colours, set by staff (Paramètres › Identité), checked against WCAG 2.x: the main
colour carries white text (menu, buttons, footer) and is itself text on white (links, titles),
so both need 4.5:1; the accent marks the current menu item on the main colour, so it needs 3:1
against it (non-text contrast, criterion 1.4.11). On white it edges the header and the cards:
decoration, which WCAG does not measure, but a near-white accent would mark nothing, so it needs
at least VISIBLE_ON_WHITE there (the default mirabelle has 2:1)."""

import hashlib
import re

from django.core.exceptions import ValidationError

from petr.core.french.numbers import decimal_comma

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
DEFAULT_PRIMARY = "#0b5c4f"  # css/site.css
TEXT_RATIO, GRAPHIC_RATIO, VISIBLE_ON_WHITE = 4.5, 3.0, 1.5


def _channels(hex_colour):
    return [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def luminance(hex_colour):
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(hex_colour)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(hex_colour, amount=0.3):
    """The hover and footer shade of the main colour."""
    return "#" + "".join(f"{round(c * 255 * (1 - amount)):02x}" for c in _channels(hex_colour))


def _ratio(value):
    return decimal_comma(value, 1)


def check(primary, accent):
    """French errors by field for a pair that would be hard to read; {} when it is fine."""
    errors = {}
    for field, value in (("primary_colour", primary), ("accent_colour", accent)):
        if value and not HEX.match(value):
            errors[field] = "Saisissez une couleur au format #RRVVBB, par exemple #0b5c4f."
    if primary and "primary_colour" not in errors and contrast(primary, WHITE) < TEXT_RATIO:
        errors["primary_colour"] = (
            f"Trop claire : le texte blanc sur cette couleur (et cette couleur sur fond blanc) "
            f"n'a qu'un contraste de {_ratio(contrast(primary, WHITE))}:1 ; il faut au moins 4,5:1."
        )
    background = primary if primary and "primary_colour" not in errors else DEFAULT_PRIMARY
    if accent and not errors.get("accent_colour") and contrast(accent, background) < GRAPHIC_RATIO:
        errors["accent_colour"] = (
            f"Pas assez visible sur la couleur principale (menu) : contraste de "
            f"{_ratio(contrast(accent, background))}:1, il faut au moins 3:1."
        )
    if accent and not errors.get("accent_colour") and contrast(accent, WHITE) < VISIBLE_ON_WHITE:
        errors["accent_colour"] = (
            f"Trop pâle : sur le fond blanc de l'en-tête et des cartes, ce filet ne se verrait "
            f"pas (contraste de {_ratio(contrast(accent, WHITE))}:1, il faut au moins 1,5:1)."
        )
    return errors


def validate(primary, accent):
    errors = check(primary, accent)
    if errors:
        raise ValidationError(errors)


def stylesheet(primary, accent):
    """The custom properties that replace the stylesheet's defaults (css/site.css)."""
    rules = []
    if primary:
        rules += [f"--color-primary: {primary};", f"--color-primary-dark: {darker(primary)};"]
    if accent:
        rules.append(f"--color-accent: {accent};")
    return ":root { " + " ".join(rules) + " }\n" if rules else ""


def version(primary, accent):
    return hashlib.sha256(f"{primary}{accent}".encode()).hexdigest()[:12]

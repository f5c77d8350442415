"""French company numbers checked with their key: a SIREN (9 digits) or a SIRET (14) whose Luhn
sum is a multiple of 10, except La Poste's establishments (SIREN 356 000 000), whose SIRET digits
add up to a multiple of 5."""

LA_POSTE_SIREN = "356000000"


def luhn_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def siret_error(value):
    """None for a valid SIRET (spaces allowed), otherwise the French reason."""
    digits = value.replace(" ", "").replace("\u00a0", "")
    if not digits.isdigit() or len(digits) != 14:
        return "Un SIRET compte 14 chiffres (le SIREN de 9 chiffres, puis 5)."
    if digits.startswith(LA_POSTE_SIREN):
        valid = sum(int(char) for char in digits) % 5 == 0
    else:
        valid = luhn_valid(digits)
    if not valid:
        return "Ce SIRET n'est pas valide (sa clé ne correspond pas) : vérifiez les chiffres."
    return None


def siren_error(value):
    """None for a valid SIREN, otherwise the French reason."""
    if not value.isdigit() or len(value) != 9:
        return "Un SIREN compte 9 chiffres."
    if value != LA_POSTE_SIREN and not luhn_valid(value):
        return "Ce SIREN n'est pas valide (sa clé ne correspond pas)."
    return None

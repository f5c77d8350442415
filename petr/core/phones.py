"""A telephone number as a link a phone can dial."""


def tel_uri(number):
    """« 03 29 00 00 00 » → « tel:0329000000 »; "" when there is nothing to dial."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""

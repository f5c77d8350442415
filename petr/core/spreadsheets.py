"""Staff exports that a spreadsheet opens safely. A cell starting with =, +, -, @, a tab or a
carriage return is a formula to LibreOffice and Excel: a message signed « =HYPERLINK(…) » would
run as one. Such text is written with a leading apostrophe, which spreadsheets show as text
(OWASP's advice for CSV injection). Wagtail's XLSX export already stores formulas as text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class FormulaSafeExportMixin:
    """For a Wagtail index view with `list_export`."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return formula_safe(value) if export_format == self.FORMAT_CSV else value

"""Staff exports that a spreadsheet opens safely. A cell starting with =, +, -, @, a tab or a
carriage return is a formula to LibreOffice and Excel: a message signed « =HYPERLINK(…) » would
run as one. Such text is written with a leading apostrophe, which spreadsheets show as text
(OWASP's advice for CSV injection). The same guard follows every comma, semicolon or tab inside
a value: a French spreadsheet splits a file on « ; » as well as on « , », and quoting does not
protect a cell that only such a split creates (« Jo;=1+1 » would give a cell « =1+1 »). Wagtail's
XLSX export already stores formulas as text."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AFTER_SEPARATOR = re.compile(r"([,;\t])(?=[=+\-@\t\r])")


def formula_safe(value):
    if not isinstance(value, str):
        return value
    value = AFTER_SEPARATOR.sub(r"\1'", value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class FormulaSafeExportMixin:
    """For a Wagtail index view with `list_export`."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return formula_safe(value) if export_format == self.FORMAT_CSV else value

"""A colour typed as #RRVVBB, or chosen in the browser's palette beside it (static/js/admin.js
keeps the two in step). The text field stays the one sent: empty means the default colour, which
a palette cannot say, and it works without JavaScript."""

from django.forms import TextInput


class ColourInput(TextInput):
    template_name = "core/widgets/colour_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"spellcheck": "false", "autocomplete": "off", "size": 8,
                                "pattern": "#[0-9a-fA-F]{6}", **(attrs or {})})  # fmt: skip

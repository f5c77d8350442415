"""Dates and times in the admin the French way: typed as `05/12/2026` and `9h30`, shown as
`05/12/2026` and `09:30`, with the expected format written under the field. Wagtail's date
picker is replaced by a plain text field: the picker rewrote what it could not read (today's
date for `05/12/2026`, 09:00 for `9h30`) without a word. Anything unreadable is now an error
next to the field, and what was typed stays (petr/formats/fr/formats.py lists what is read)."""

from django.db import models
from django.forms.widgets import DateTimeBaseInput
from wagtail.admin.panels import PublishingPanel

FORMATS = {
    "date": ("%d/%m/%Y", "JJ/MM/AAAA, par exemple 05/12/2026"),
    "time": ("%H:%M", "HH:MM ou 9h30"),
    "datetime": ("%d/%m/%Y %H:%M", "JJ/MM/AAAA HH:MM, par exemple 05/12/2026 09:30"),
}
ERRORS = {
    "date": "Date non reconnue : saisissez-la au format JJ/MM/AAAA, par exemple 05/12/2026.",
    "time": "Heure non reconnue : saisissez-la au format HH:MM ou 9h30.",
    "datetime": "Date et heure non reconnues : saisissez-les au format JJ/MM/AAAA HH:MM, par "
    "exemple 05/12/2026 09:30.",
}


class FrenchInput(DateTimeBaseInput):
    template_name = "core/widgets/french_input.html"

    def __init__(self, kind, attrs=None):
        fmt, self.hint = FORMATS[kind]
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})},
                         format=fmt)  # fmt: skip

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        hint_id = f"{widget_attrs.get('id', name)}-format"
        described = widget_attrs.get("aria-describedby", "")
        widget_attrs["aria-describedby"] = f"{described} {hint_id}".strip()
        context["widget"].update(hint=self.hint, hint_id=hint_id)
        return context


class FrenchDateInput(FrenchInput):
    """A date field built the way Wagtail builds its own pickers (listing filters)."""

    def __init__(self, attrs=None):
        super().__init__("date", attrs)


class FrenchPublishingPanel(PublishingPanel):
    """Wagtail's scheduling dialog (« Date de publication », « Date d'expiration »), whose panel
    names its picker widgets itself: the same fields, typed the French way."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            if not isinstance(child.widget, FrenchInput):
                child.widget = FrenchInput("datetime", attrs=child.widget.attrs)


def register():
    # Wagtail registers its picker widgets when this module is first imported; ours replace them.
    from wagtail.admin import filters
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.views.reports.aging_pages import AgingPagesReportFilterSet

    for db_field, kind in ((models.DateField, "date"), (models.TimeField, "time"),
                           (models.DateTimeField, "datetime")):  # fmt: skip
        register_form_field_override(
            db_field,
            override={"widget": FrenchInput(kind), "error_messages": {"invalid": ERRORS[kind]}},
        )
    # The listings' date filters (« Mis à jour », history reports) name Wagtail's picker by its
    # module-level name when they are built: ours takes its place.
    filters.AdminDateInput = FrenchDateInput
    AgingPagesReportFilterSet.base_filters["last_published_at"].extra["widget"] = FrenchDateInput

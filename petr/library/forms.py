"""The admin form of pages with a private file (documents, acts). The current file is named with
a link to where the public gets it (the live page's `fichier/`), not to private storage, which
has no address. An act's file is shown read-only once the act is online: it can no longer be
replaced (a corrective act is published instead)."""

from django.forms import ClearableFileInput
from wagtail.admin.forms import WagtailAdminPageForm


class PrivateFileInput(ClearableFileInput):
    template_name = "library/widgets/private_file_input.html"
    page = None  # set by the form: the page whose file this is

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        page = self.page
        live = bool(page and page.pk and page.live and value)
        context["widget"].update(
            file_name=value.name.rsplit("/", 1)[-1] if value else "",
            public_url=f"{page.url}fichier/" if live and page.url else "",
            locked_since=getattr(page, "put_online_at", None) if page else None,
        )
        return context


class PrivateFilePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        field.widget = PrivateFileInput()
        field.widget.page = self.instance
        if getattr(self.instance, "put_online_at", None):
            field.disabled = True  # the posted value is ignored: the act keeps its file
            field.required = False

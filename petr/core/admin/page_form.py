"""Every page's admin form (BasePage.base_form_class, and the forms built on it), and the notice
at the top of its « Contenu » tab when its address is taken."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel


class PageForm(WagtailAdminPageForm):
    """An address already taken, often by an abandoned first try that Wagtail's autosave kept as
    a draft, is said at the top of the form, naming that page, not only as a badge on the
    « Promotion » tab; TakenAddressPanel links to it."""

    taken_page = None

    def clean(self):
        slug = self.cleaned_data.get("slug")
        cleaned = super().clean()
        if slug and "slug" in self.errors and self.parent_page:
            taken = self.parent_page.get_children().filter(slug=slug).exclude(pk=self.instance.pk)
            self.taken_page = taken.first()
            if self.taken_page:
                draft = "" if self.taken_page.live else ", un brouillon jamais publié"
                self.add_error(None, f"L'adresse « {slug} » est déjà prise par la page "
                               f"« {self.taken_page.draft_title} »{draft}.")  # fmt: skip
        return cleaned


class TakenAddressPanel(Panel):
    """First in every page's « Contenu » tab; shown only after PageForm found the address taken."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/taken_address.html"

        def is_shown(self):
            return bool(getattr(self.form, "taken_page", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            taken = self.form.taken_page
            context["notice"] = format_html(
                '<a href="{}">Ouvrir « {} »</a> pour la terminer ou la supprimer, ou changez '
                "l'adresse de cette page-ci dans l'onglet « Promotion ».",
                reverse("wagtailadmin_pages:edit", args=[taken.pk]), taken.draft_title,
            )  # fmt: skip
            return context

from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from petr.contact.models import ContactSubmission
from petr.core.admin.permissions import LimitedPolicy
from petr.web.spreadsheets import FormulaSafeExportMixin

register_permission_policy(ContactSubmission, LimitedPolicy(ContactSubmission, {"view", "delete"}))


class ContactSubmissionIndexView(FormulaSafeExportMixin, IndexView):
    pass


class ContactSubmissionViewSet(ModelViewSet):
    """Messages from the contact form: read, exported (CSV or Excel) and deleted, never edited."""

    model = ContactSubmission
    index_view_class = ContactSubmissionIndexView
    icon = "mail"
    menu_label = "Messages reçus"
    menu_order = 260
    add_to_admin_menu = True
    name = "contact_submissions"
    url_prefix = "messages"
    form_fields = []
    list_display = ["created_at", "name", "email", "subject", "notification_status"]
    list_filter = ["notified", "subject"]
    search_fields = ["name", "email", "subject", "message"]
    list_export = [
        "created_at",
        "name",
        "email",
        "subject",
        "message",
        "notification_status",
    ]
    export_filename = "messages-contact"
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at", "name", "email", "subject", "message", "notification_status",
        "notification_attempts"
    ]  # fmt: skip


@hooks.register("register_admin_viewset")
def register_contact_submissions():
    return ContactSubmissionViewSet()

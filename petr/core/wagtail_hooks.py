from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import ContactSubmission
from .permissions import LimitedPolicy
from .spreadsheets import FormulaSafeExportMixin

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


# « Sécurité des comptes », for administrators: current lockouts (deleting one unlocks the
# account and the client), and the log of logins and of failed attempts.
for model, actions in ((AccessAttempt, {"view", "delete"}), (AccessLog, {"view"}),
                       (AccessFailureLog, {"view"})):  # fmt: skip
    register_permission_policy(model, LimitedPolicy(model, actions))


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Blocages"
    name = "lockouts"
    url_prefix = "securite/blocages"
    form_fields = []
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time"]


class LoginLogViewSet(ModelViewSet):
    model = AccessLog
    icon = "user"
    menu_label = "Connexions"
    name = "logins"
    url_prefix = "securite/connexions"
    form_fields = []
    list_display = ["username", "ip_address", "attempt_time", "logout_time"]
    search_fields = ["username", "ip_address"]


class FailedLoginViewSet(ModelViewSet):
    model = AccessFailureLog
    icon = "warning"
    menu_label = "Échecs de connexion"
    name = "failed_logins"
    url_prefix = "securite/echecs"
    form_fields = []
    list_display = ["username", "ip_address", "attempt_time", "locked_out"]
    search_fields = ["username", "ip_address"]


class AccountSecurityGroup(ViewSetGroup):
    menu_label = "Sécurité des comptes"
    menu_icon = "lock"
    menu_order = 900
    items = (LockoutViewSet, LoginLogViewSet, FailedLoginViewSet)


@hooks.register("register_admin_viewset")
def register_account_security():
    return AccountSecurityGroup()

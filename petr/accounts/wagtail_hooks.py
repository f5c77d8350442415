"""« Compte » says whether the second factor is on, with the way to turn it on.

« Sécurité », for administrators: current lockouts (deleting one unlocks the
account and the client), the log of logins and of failed attempts, and the second factors
(deleting one lets its owner set it up again, for a lost phone)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from petr.core.admin.permissions import LimitedPolicy

from .policy import second_factor_status

for model, actions in ((AccessAttempt, {"view", "delete"}), (AccessLog, {"view"}),
                       (AccessFailureLog, {"view"}), (TOTPDevice, {"view", "delete"})):  # fmt: skip
    register_permission_policy(model, LimitedPolicy(model, actions))


class SecurityViewSet(ModelViewSet):
    """Records staff read and, where the policy above allows, delete; nobody edits them."""

    form_fields = []
    search_fields = ["username", "ip_address"]


def security_viewset(model, name, label, icon, columns, **options):
    attributes = {"model": model, "name": name, "menu_label": label, "icon": icon,
                  "url_prefix": f"securite/{name}", "list_display": columns, **options}  # fmt: skip
    return type(f"{model.__name__}ViewSet", (SecurityViewSet,), attributes)


VIEWSETS = (
    security_viewset(
        AccessAttempt,
        "blocages",
        "Blocages",
        "lock",
        ["username", "ip_address", "failures_since_start", "attempt_time"],
        inspect_view_enabled=True,
    ),  # fmt: skip
    security_viewset(
        AccessLog,
        "connexions",
        "Connexions",
        "user",
        ["username", "ip_address", "attempt_time", "logout_time"],
    ),  # fmt: skip
    security_viewset(
        AccessFailureLog,
        "echecs",
        "Échecs de connexion",
        "warning",
        ["username", "ip_address", "attempt_time", "locked_out"],
    ),  # fmt: skip
    security_viewset(
        TOTPDevice,
        "double-authentification",
        "Doubles authentifications",
        "key",
        ["user", "name", "confirmed", "last_used_at"],
        search_fields=["user__username", "user__email"],
    ),  # fmt: skip
)


@receiver(post_delete, sender=TOTPDevice)
def forget_recovery_codes(sender, instance, **kwargs):
    """A reset second factor starts again from scratch: new application, new codes."""
    StaticDevice.objects.filter(user_id=instance.user_id).delete()


class AccountSecurityGroup(ViewSetGroup):
    menu_label = "Sécurité"
    menu_icon = "lock"
    menu_order = 900
    items = VIEWSETS


@hooks.register("register_admin_viewset")
def register_account_security():
    return AccountSecurityGroup()


class NothingToSave(forms.Form):
    """« Compte » saves every panel's form: this panel only informs."""

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)

    def save(self):
        pass


class SecondFactorPanel(BaseSettingsPanel):
    name = "double_authentification"
    title = "Double authentification"
    order = 150
    form_class = NothingToSave
    template_name = "accounts/second_factor_panel.html"

    def get_context_data(self):
        return {**super().get_context_data(), "second_factor": second_factor_status(self.user)}


@hooks.register("register_account_settings_panel")
def second_factor_panel(request, user, profile):
    return SecondFactorPanel(request, user, profile)

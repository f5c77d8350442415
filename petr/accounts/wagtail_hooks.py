"""« Sécurité des comptes », for administrators: current lockouts (deleting one unlocks the
account and the client), the log of logins and of failed attempts, and the second factors
(deleting one lets its owner set it up again, for a lost phone)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from petr.core.permissions import LimitedPolicy

for model, actions in ((AccessAttempt, {"view", "delete"}), (AccessLog, {"view"}),
                       (AccessFailureLog, {"view"}), (TOTPDevice, {"view", "delete"})):  # fmt: skip
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


class SecondFactorViewSet(ModelViewSet):
    model = TOTPDevice
    icon = "key"
    menu_label = "Doubles authentifications"
    name = "second_factors"
    url_prefix = "securite/double-authentification"
    form_fields = []
    list_display = ["user", "name", "confirmed", "last_used_at"]
    search_fields = ["user__username", "user__email"]


@receiver(post_delete, sender=TOTPDevice)
def forget_recovery_codes(sender, instance, **kwargs):
    """A reset second factor starts again from scratch: new application, new codes."""
    StaticDevice.objects.filter(user_id=instance.user_id).delete()


class AccountSecurityGroup(ViewSetGroup):
    menu_label = "Sécurité des comptes"
    menu_icon = "lock"
    menu_order = 900
    items = (LockoutViewSet, LoginLogViewSet, FailedLoginViewSet, SecondFactorViewSet)


@hooks.register("register_admin_viewset")
def register_account_security():
    return AccountSecurityGroup()

"""Who must use a second factor in the admin: administrators, and the members of the groups in
TWO_FACTOR_REQUIRED_GROUPS (those who publish). Everyone else may turn it on; once a user has
it, it is asked of them at every login."""

from django.conf import settings
from django_otp import user_has_device


def admin_user(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def second_factor_required(user):
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def second_factor_status(user):
    """What the dashboard and « Compte » say of it."""
    from django.urls import reverse

    return {
        "active": has_second_factor(user),
        "required": second_factor_required(user),
        "setup_url": reverse("accounts_setup"),
    }

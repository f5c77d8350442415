"""Sends an admin user who has not passed the second factor to it: to the code page when they
have one, to its set-up when they must have one. Until then the session reaches nothing else:
outside the admin it is anonymous (restricted pages and documents ask for a login, which leads
back to the second factor). Needs django_otp's OTPMiddleware before it."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .policy import admin_user, has_second_factor, second_factor_required

OPEN = ("wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite", "accounts_verify", "accounts_setup")  # fmt: skip


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/") and pending(request):
            request.user = AnonymousUser()
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if not request.path.startswith("/admin/") or request.resolver_match.url_name in OPEN:
            return None
        target = pending(request)
        if target is None:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


def pending(request):
    """The page of the second factor this session still has to pass, or None."""
    user = request.user
    if not (settings.TWO_FACTOR_ENFORCED and admin_user(user) and not user.is_verified()):
        return None
    if has_second_factor(user):
        return "accounts_verify"
    return "accounts_setup" if second_factor_required(user) else None

"""Sends an admin user who has not passed the second factor to it: to the code page when they
have one, to its set-up when they must have one. Needs django_otp's OTPMiddleware before it."""

from django.conf import settings
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
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if not (
            settings.TWO_FACTOR_ENFORCED
            and request.path.startswith("/admin/")
            and request.resolver_match.url_name not in OPEN
            and admin_user(request.user)
            and not request.user.is_verified()
        ):
            return None
        if has_second_factor(request.user):
            target = "accounts_verify"
        elif second_factor_required(request.user):
            target = "accounts_setup"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

"""Setting up and passing the second factor: a code from an authenticator application (TOTP,
RFC 6238), or one of ten single-use recovery codes given at set-up."""

import base64
import time

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import has_second_factor

RECOVERY_CODES = 10
SETUP_MINUTES = 10
SETUP_SESSION_KEY = "petr_otp_setup"
APP_DEVICE = "Application d'authentification"


class CodeForm(forms.Form):
    code = forms.CharField(label="Code à usage unique", max_length=16)  # drawn by code_form.html


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/admin/") else reverse("wagtailadmin_home")


def _setup_device(request):
    """The secret of this set-up attempt: made for this session when the page is shown, and
    replaced (the old one deleted) at every new display or after SETUP_MINUTES; so a secret
    seen by someone else, in another session, is never the one the owner confirms."""
    attempt = request.session.get(SETUP_SESSION_KEY) or {}
    device = TOTPDevice.objects.filter(
        pk=attempt.get("device"), user=request.user, confirmed=False
    ).first()
    fresh = time.time() - attempt.get("started", 0) < SETUP_MINUTES * 60
    if request.method == "POST" and device and fresh:
        return device, False
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE, confirmed=False)
    request.session[SETUP_SESSION_KEY] = {"device": device.pk, "started": time.time()}
    return device, request.method == "POST"


@login_required(login_url="wagtailadmin_login")
def setup(request):
    if has_second_factor(request.user):
        return redirect(_next(request))
    device, expired = _setup_device(request)
    form = CodeForm(request.POST or None)
    if expired:
        form.is_valid()
        form.add_error("code", f"Ce code d'activation a expiré ({SETUP_MINUTES} minutes) : un "
                             "nouveau code est affiché, ajoutez-le à votre application puis "
                             "saisissez le code qu'elle affiche.")  # fmt: skip
    elif form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            device.confirmed = True
            device.save()
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            del request.session[SETUP_SESSION_KEY]
            otp_login(request, device)
            codes = StaticDevice.objects.create(user=request.user, name="Codes de secours")
            tokens = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
            codes.token_set.bulk_create(StaticToken(device=codes, token=t) for t in tokens)
            context = {"codes": tokens, "next": _next(request)}
            return TemplateResponse(request, "accounts/recovery_codes.html", context)
        form.add_error("code", "Ce code ne correspond pas : vérifiez l'heure de votre "
                               "téléphone et saisissez le code affiché maintenant.")  # fmt: skip
    key = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next(request),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code"),
    }
    return TemplateResponse(
        request, "accounts/setup.html", context, status=400 if form.errors else 200
    )


@login_required(login_url="wagtailadmin_login")
def verify(request):
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", "Code incorrect, déjà utilisé ou expiré : saisissez le code "
                               "affiché maintenant, ou un code de secours inutilisé. Après une "
                               "erreur, patientez quelques secondes.")  # fmt: skip
    context = {"form": form, "next": _next(request)}
    return TemplateResponse(
        request, "accounts/verify.html", context, status=400 if form.errors else 200
    )

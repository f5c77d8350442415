"""Setting up and passing the second factor: a code from an authenticator application (TOTP,
RFC 6238), or one of ten single-use recovery codes given at set-up."""

import base64

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
APP_DEVICE = "Application d'authentification"


class CodeForm(forms.Form):
    code = forms.CharField(label="Code à usage unique", max_length=16)  # drawn by code_form.html


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/admin/") else reverse("wagtailadmin_home")


@login_required(login_url="wagtailadmin_login")
def setup(request):
    if has_second_factor(request.user):
        return redirect(_next(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            device.confirmed = True
            device.save()
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

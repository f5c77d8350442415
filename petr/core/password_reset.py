"""The admin's password reset (WAGTAILADMIN_USER_PASSWORD_RESET_FORM): at most PER_ADDRESS
requests an hour for one address and PER_CLIENT for one client, and the e-mail is sent by the
background worker. Whatever happens, the page answers the same, so it tells nobody which
addresses have an account."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from .clients import client_ip
from .mail import background_task, deliver, retry_later

PER_ADDRESS = 3
PER_CLIENT = 10
HOUR = 3600
logger = logging.getLogger(__name__)


def _over_limit(kind, value, limit):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()
    key = f"petr:password-reset:{kind}:{digest}"
    cache.add(key, 0, HOUR)
    return cache.incr(key) > limit


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].lower()
        over_address = _over_limit("address", email, PER_ADDRESS)
        if _over_limit("client", client_ip(request), PER_CLIENT) or over_address:
            logger.warning("Password reset throttled for a client or an address.")
            return
        super().save(*args, request=request, **kwargs)

    def send_mail(self, subject_template, body_template, context, from_email, to_email,
                  html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template, context).splitlines())
        body = loader.render_to_string(body_template, context)
        send_password_reset.enqueue(subject, body, from_email or settings.DEFAULT_FROM_EMAIL,
                                    to_email)  # fmt: skip


@background_task
def send_password_reset(subject, body, from_email, to_email, attempt=1):
    error = deliver(EmailMessage(subject, body, from_email, [to_email]))
    if error:
        logger.warning("Password reset e-mail failed (attempt %s): %s", attempt, error)
        retry_later(send_password_reset, attempt, subject, body, from_email, to_email, attempt + 1)

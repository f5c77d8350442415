"""The admin's password reset (WAGTAILADMIN_USER_PASSWORD_RESET_FORM): at most PER_ADDRESS
requests an hour for one address and PER_CLIENT for one client, counted in the database (so the
limit holds with Redis away), and the e-mail is sent by the background worker. Whatever
happens, the page answers the same, so it tells nobody which addresses have an account."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from petr.accounts.attempts import counted
from petr.web.clients import client_ip
from petr.web.mail import background_task, deliver, retry_later

PER_ADDRESS = 3
PER_CLIENT = 10
logger = logging.getLogger(__name__)


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        email, client = self.cleaned_data["email"].lower(), client_ip(request)
        if counted([("reset-address", email, PER_ADDRESS), ("reset-client", client, PER_CLIENT)]):
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

"""Outgoing e-mail, always from the background worker (`manage.py db_worker`), never inside a
visitor's request: a slow or silent mail server delays a notification, not a page.

`deliver()` sends one message through the real mail server (EMAIL_DELIVERY_BACKEND, else
EMAIL_BACKEND) and returns the French reason it failed, or None; the task that calls it records
every attempt on its own object and retries later with a growing delay (`RETRY_DELAYS`).
Contact notifications are the first user; receipts and newsletters reuse it.

In production EMAIL_BACKEND is `QueuedEmailBackend`: whatever else sends mail inside a request
(Wagtail's workflow and comment notifications, Django's own) only queues it, and `send_queued`
delivers it from the worker, retried the same way."""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task, task_backends

logger = logging.getLogger(__name__)
BACKEND = "background"  # settings.TASKS: the database queue in production, immediate in dev
RETRY_DELAYS = [timedelta(minutes=m) for m in (1, 5, 30, 120)]  # then staff see the error


def deliver(message):
    message.connection = get_connection(settings.EMAIL_DELIVERY_BACKEND or None)
    try:
        message.send()
    except smtplib.SMTPResponseException as exc:
        return f"Refus du serveur de courriel : {exc.smtp_code} {_text(exc.smtp_error)}"
    except Exception as exc:  # timeouts, DNS, TLS, refused connections
        return f"Envoi impossible : {type(exc).__name__} {exc}".strip()
    return None


def retry_later(task_function, attempt, *args):
    """Queue the task again after the attempt-th delay and return when it will run; None when
    no attempt is left or the backend runs tasks at once (development)."""
    if attempt > len(RETRY_DELAYS) or not task_backends[BACKEND].supports_defer:
        return None
    run_after = timezone.now() + RETRY_DELAYS[attempt - 1]
    task_function.using(run_after=run_after).enqueue(*args)
    return run_after


def background_task(function):
    return task(backend=BACKEND)(function)


def header_safe(text):
    """Text a visitor typed, fit for a mail header: line breaks and other control characters
    (which would make Django refuse the whole message) become spaces."""
    return " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text).split())


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for the worker instead of talking to the mail server."""

    def send_messages(self, messages):
        for message in messages:
            send_queued.enqueue(_as_data(message))
        return len(messages)


def _as_data(message):
    """A message as JSON for the queue (its text, alternatives and attachments)."""
    fields = ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers")
    data = {name: getattr(message, name) for name in fields}
    data["alternatives"] = [
        [content, kind] for content, kind in getattr(message, "alternatives", [])
    ]
    data["attachments"] = [
        [name, base64.b64encode(_bytes(content)).decode(), kind]
        for name, content, kind in message.attachments
    ]
    return data


def _bytes(content):
    return content if isinstance(content, bytes) else content.encode()


def _from_data(data):
    data = dict(data)
    alternatives, attachments = data.pop("alternatives"), data.pop("attachments")
    message = EmailMultiAlternatives(headers=data.pop("extra_headers"), **data)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in attachments:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@background_task
def send_queued(data, attempt=1):
    error = deliver(_from_data(data))
    if error:
        logger.warning("Queued e-mail %r failed (attempt %s): %s", data["subject"], attempt, error)
        retry_later(send_queued, attempt, data, attempt + 1)

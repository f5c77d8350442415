"""Outgoing e-mail, always from the background worker (`manage.py db_worker`), never inside a
visitor's request: a slow or silent mail server delays a notification, not a page.

`deliver()` sends one message and returns the French reason it failed, or None; the task that
calls it records every attempt on its own object and retries later with a growing delay
(`RETRY_DELAYS`). Contact notifications are the first user; receipts and newsletters reuse it."""

import logging
import smtplib
from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends

logger = logging.getLogger(__name__)
BACKEND = "background"  # settings.TASKS: the database queue in production, immediate in dev
RETRY_DELAYS = [timedelta(minutes=m) for m in (1, 5, 30, 120)]  # then staff see the error


def deliver(message):
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

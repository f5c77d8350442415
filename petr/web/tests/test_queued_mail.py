"""In production every e-mail goes through the worker, Wagtail's own notifications included: an
editor's submission for approval never waits on the mail server, and its notification is
retried until the server answers."""

import datetime
import socket

import pytest
import time_machine
from django.contrib.auth.models import Group
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from petr.users.models import User

pytestmark = pytest.mark.django_db


def member(name, group):
    user = User.objects.create_user(name, f"{name}@petr.example", "mot-de-passe-solide-2026")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_submission_for_approval_waits_on_no_mail_server(seeded, smtp, settings, queue):
    settings.EMAIL_BACKEND = "petr.web.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    member("directrice", "Direction")
    officer = member("agent", "Chargé·e de mission — LEADER")
    page = Page.objects.get(slug="leader").specific
    working_port = settings.EMAIL_PORT
    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        silent.setblocking(False)
        settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = silent.getsockname()[1], 0.3

        page.save_revision(user=officer)
        page.get_workflow().start(page, officer)  # « Soumettre à Validation par la direction »
        with pytest.raises(BlockingIOError):
            silent.accept()  # the editor's request did not even connect to the mail server
        assert DBTaskResult.objects.filter(task_path="petr.web.mail.send_queued").count() == 1

        queue()  # the worker's first attempt times out, and a retry is queued
        silent.accept()[0].close()
    assert smtp.messages == []
    settings.EMAIL_PORT = working_port  # the server recovers
    with time_machine.travel(datetime.timedelta(minutes=2)):
        queue()
    [message] = smtp.messages
    assert "directrice@petr.example" in message and "LEADER" in message


def test_the_deploy_check_requires_mail_through_the_worker(settings):
    from django.core.checks import run_checks

    def errors():
        return [e for e in run_checks(include_deployment_checks=True) if e.id == "petr.E003"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert errors()
    settings.EMAIL_BACKEND = "petr.web.mail.QueuedEmailBackend"
    assert not errors()

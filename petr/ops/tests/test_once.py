"""A periodic job that the timers of several servers start runs once in its period: the
database they share records the first start; a failed run may be started again."""

import io

import pytest
import time_machine
from django.core.management import CommandError, call_command

from petr.ops.models import ScheduledRun

pytestmark = pytest.mark.django_db


def once(*arguments):
    out = io.StringIO()
    call_command("once", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_job_runs_once_per_period_whichever_server_starts_it_first():
    with time_machine.travel("2026-12-04 02:30 +01:00", tick=False):
        assert "déclaration(s)" in once("--window", "86400", "purge_declarations")  # it ran
        second = once("--window", "86400", "purge_declarations")
        assert "déjà été lancé" in second and "déclaration(s)" not in second
        assert "message(s)" in once("--window", "86400", "purge_contact_submissions")
    with time_machine.travel("2026-12-04 23:59 +01:00", tick=False):  # the same local day
        assert "déjà été lancé" in once("--window", "86400", "purge_declarations")
    with time_machine.travel("2026-12-05 02:30 +01:00", tick=False):  # the next
        assert "déclaration(s)" in once("--window", "86400", "purge_declarations")
    assert ScheduledRun.objects.filter(command="purge_declarations").count() == 2


def test_a_failed_run_may_be_started_again_in_its_period():
    with pytest.raises(CommandError):
        once("--window", "300", "import_territory", "--", "--source", "inconnue")
    assert not ScheduledRun.objects.exists()
    with pytest.raises(CommandError, match="au moins une seconde"):
        once("--window", "0", "purge_declarations")
    with pytest.raises(CommandError, match="Commande inconnue : « sauvegarde »"):
        once("--window", "300", "sauvegarde")
    assert not ScheduledRun.objects.exists()

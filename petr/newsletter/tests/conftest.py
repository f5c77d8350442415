import os
import subprocess
import sys

import pytest
from django.db import connection

from petr.conftest import ROOT


@pytest.fixture
def worker():
    """Starts real `db_worker` processes on the test's database (worker_settings.py); any still
    running when the test ends, even failed, is killed, or the test database could not be
    dropped."""
    started = []

    def start(smtp_port, rate=None):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "petr.newsletter.tests.worker_settings",
               "PETR_WORKER_DB": str(connection.settings_dict["NAME"]),
               "PETR_WORKER_SMTP_PORT": str(smtp_port)}  # fmt: skip
        if rate:
            env["PETR_WORKER_RATE"] = str(rate)
        command = [sys.executable, "manage.py", "db_worker", "--backend", "background",
                   "--no-startup-delay", "--interval", "0.1"]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                                   stderr=subprocess.PIPE)  # fmt: skip
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(10)

"""The settings of a real worker process the crash test starts: the test's database (named by
PETR_WORKER_DB), the production task queue, the test's SMTP server, a short lease, and no rate
limit unless PETR_WORKER_RATE gives one."""

import os

from petr.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["PETR_WORKER_DB"]  # noqa: F405
TASKS = {**TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["PETR_WORKER_SMTP_PORT"])
EMAIL_TIMEOUT = 5
NEWSLETTER = {**NEWSLETTER, "LEASE_SECONDS": 2,  # noqa: F405
              "RATE_PER_MINUTE": float(os.environ.get("PETR_WORKER_RATE", 10**6))}  # fmt: skip

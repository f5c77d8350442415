"""Tests: SQLite by default; DATABASE_URL and REDIS_URL switch to the production services."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
# The tests build their site from their own starter pack, not a real site's texts.
STARTER_PACK = str(Path(__file__).resolve().parent.parent / "fixtures" / "starter")
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Uploaded files of a test run go to a throwaway directory, not var/.
_TMP = Path(os.environ.get("PETR_TEST_FILES") or tempfile.mkdtemp(prefix="petr-tests-"))
MEDIA_ROOT = _TMP / "media"
STATIC_ROOT = _TMP / "static"  # a restore collects the static files
PRIVATE_MEDIA_ROOT = _TMP / "private"
if not S3_BUCKET:  # noqa: F405 (the two servers' test sets it: ops/tests/test_servers.py)
    STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
# On SQLite the test database is a file, as `make run`'s is: concurrent writers from threads
# then meet SQLite's real locking, not an in-memory database shared by one process.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / "test.sqlite3")}  # noqa: F405

# Parallel test workers (pytest-xdist) each have their own database, and their own Redis
# database too: clearing the cache between tests flushes a whole Redis database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw").removeprefix("gw")
if os.environ.get("REDIS_URL") and _WORKER.isdigit():
    _base, _, _db = CACHES["default"]["LOCATION"].rpartition("/")  # noqa: F405
    for _cache in CACHES.values():  # noqa: F405
        _cache["LOCATION"] = f"{_base}/{int(_db or 0) + int(_WORKER) + 1}"

# Background tasks run at once, inside the request: no worker to start.
TASKS = {**TASKS, "background": TASKS["default"]}  # noqa: F405

# The second factor is tested where it matters (petr/accounts/tests); elsewhere staff log in
# as in development.
TWO_FACTOR_ENFORCED = False

# Pages are rendered afresh in tests, whose purges wait for a commit that never comes; the page
# cache's own tests turn it on (petr/core/tests/test_pagecache.py).
PAGE_CACHE_SECONDS = 0

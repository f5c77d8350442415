"""The settings of the app servers the two-servers test starts (test_servers.py): the test's
database (named by PETR_SERVER_DB), Redis and object storage from the environment as in
production (REDIS_URL, S3_*), and the page cache on."""

import os

from petr.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["PETR_SERVER_DB"]  # noqa: F405
PAGE_CACHE_SECONDS = 300

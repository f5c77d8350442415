"""Local development: the site `make run` serves on SQLite, with no secret to set."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_list

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DEV_ADMIN_CREDENTIALS_FILE = VAR_DIR / "admin-credentials.txt"
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Background tasks run at once, inside the request: no worker to start.
TASKS = {**TASKS, "background": TASKS["default"]}  # noqa: F405

# The development admin that `make run` prints logs in without a second factor (it says so).
TWO_FACTOR_ENFORCED = False

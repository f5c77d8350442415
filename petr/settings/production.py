"""Production: every secret and host comes from the environment; PostgreSQL and Redis expected."""

import os

from django.core.exceptions import ImproperlyConfigured

from petr.web import public_address

from .base import *  # noqa: F403
from .base import SECRET_KEY, SITE_URL, STORAGES, env_list

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if public_address.problem(SITE_URL):
    raise ImproperlyConfigured(public_address.problem(SITE_URL))
# The public host, and any other name the site answers to (ALLOWED_HOSTS, e.g. the bare domain
# that nginx redirects).
ALLOWED_HOSTS = list(dict.fromkeys([public_address.host(SITE_URL), *env_list("ALLOWED_HOSTS")]))

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The recipe's nginx sends checked files itself (X-Accel-Redirect); without nginx in front, set
# X_ACCEL_REDIRECT=false.
X_ACCEL_REDIRECT = os.environ.get("X_ACCEL_REDIRECT", "true") == "true"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
# Preloading is a hard-to-undo commitment for the whole domain: the operator decides, not us.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [SITE_URL, *(f"https://{host}" for host in ALLOWED_HOSTS)]

# Every e-mail, Wagtail's notifications included, waits in the queue for the worker, which talks
# to the mail server: no request waits on it (petr/web/mail.py).
EMAIL_BACKEND = "petr.web.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false") == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    **LOGGING,  # noqa: F405
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

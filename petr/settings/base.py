"""Settings shared by every environment. Values that vary come from environment variables."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("PETR_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Signs backups (petr/ops/backup.py); SECRET_KEY's derivative when unset. Keep it off the server
# too: a restore elsewhere needs it.
BACKUP_KEY = os.environ.get("BACKUP_KEY", "")
# Encrypts backups when set (32 random bytes, URL-safe base64; petr/ops/backup_crypto.py).
BACKUP_ENCRYPTION_KEY = os.environ.get("BACKUP_ENCRYPTION_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "petr.users",
    "petr.web",
    "petr.core",
    "petr.territory",
    "petr.home",
    "petr.missions",
    "petr.programmes",
    "petr.places",
    "petr.declarations",
    "petr.news",
    "petr.events",
    "petr.search",
    "petr.library",
    "petr.people",
    "petr.contact",
    "petr.ops",
    "petr.api",
    "petr.wordpress",
    "petr.newsletter",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "petr.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "petr.web.cache.RequestMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "petr.web.limits.RequestBodyLimitMiddleware",
    "petr.web.limits.MethodMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "petr.web.scheduling.ScheduledPublishingMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "petr.wordpress.redirects.OldQueryAddressMiddleware",  # /?p=123 before the cached home
    "petr.web.shared_lookups.SiteMiddleware",  # the page cache's versions are per site
    "petr.web.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "petr.accounts.sessions.IdleTimeoutMiddleware",
    "petr.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "petr.web.structured_data_csp.ScriptHashesMiddleware",  # inside django-csp: it reads its hashes
    "petr.api.cors.ReadOnlyCorsMiddleware",
    "petr.web.admin_csp.AdminContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "petr.urls"
WSGI_APPLICATION = "petr.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=600, conn_health_checks=True
    )
}
# SQLite is used for real (`make run`, small sites): every transaction takes the write lock when
# it begins (IMMEDIATE), so two writers queue for up to 20 s instead of one failing with
# « database is locked » when it upgrades a read; WAL lets pages be read while one writes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

# Redis when REDIS_URL is set, local memory otherwise. "default" serves the site's own lookups
# and survives Redis being away (petr/web/cache.py); "pages" is the page cache
# (petr/web/pagecache.py), whose middleware serves uncached when Redis is away. Short
# timeouts: a hung Redis costs milliseconds, not a worker.
if os.environ.get("REDIS_URL"):
    _redis = {
        "LOCATION": os.environ["REDIS_URL"],
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    _prefix = os.environ.get("CACHE_KEY_PREFIX", "petr")
    CACHES = {
        "default": {
            "BACKEND": "petr.web.cache.TolerantRedisCache",
            "KEY_PREFIX": _prefix,
            **_redis,
        },
        "pages": {
            "BACKEND": "petr.web.cache.RedisCache",
            "KEY_PREFIX": f"{_prefix}-pages",
            **_redis,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Page cache for anonymous visitors: entries live PAGE_CACHE_SECONDS unless purged sooner (0 turns
# the cache off); open-data files until the next import. nginx may keep a page
# PAGE_CACHE_PROXY_SECONDS more (its micro-cache, deploy/nginx): the staleness after a publication.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_MAX_SECONDS = 24 * 3600
PAGE_CACHE_PROXY_SECONDS = int(os.environ.get("PAGE_CACHE_PROXY_SECONDS", "0"))
PAGE_CACHE_EXCLUDED = (
    "/admin/",
    "/documents/",
    "/recherche/",
    "/healthz",
    "/non-public/",
    "/abonnement/",
)

# Login lockouts (django-axes): 10 failures lock that account from that client, and a client that
# failed 10 times on any accounts, for 30 minutes, before any password is hashed; administrators
# unlock in « Sécurité ». The account alone is never locked: a stranger cannot lock a named
# administrator out from elsewhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # first: checks the lockout (and can load users)
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]  # either one locks
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "petr.web.clients.client_ip"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2"]
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "petr.accounts.password_reset.ThrottledPasswordResetForm"  # noqa: S105
WAGTAILADMIN_USER_LOGIN_FORM = "petr.accounts.login.LoginForm"

# Second factor for the admin (petr/accounts): required of administrators and of these
# groups, those who publish (petr/accounts/roles.py), optional for the others. Only
# development may turn it off (a deploy check says so).
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_REQUIRED_GROUPS = ["Communication", "Secrétariat — actes", "Direction"]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Portail du PETR")

# Staff sessions: closed after 30 minutes without activity, and after 10 hours in any case.
ADMIN_IDLE_MINUTES = 30
SESSION_COOKIE_AGE = 10 * 3600

# Proxies in front of the site whose X-Forwarded-For is trusted: 1 behind nginx, 0 otherwise.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LOCALE_PATHS = [PROJECT_DIR / "locale"]  # corrections to Wagtail's French (petr/locale)
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # grouping is explicit: the fr_number filter
FORMAT_MODULE_PATH = ["petr.formats"]  # dates and times staff may type (9h30…)

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Files served only through their page (acts of the register): never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/non-public/"},
    },
}

# With S3_BUCKET, media and private files live in S3-compatible object storage, shared by
# several app servers (petr/web/storage.py): objects private, each served by the site itself.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
        "default_acl": None,  # the bucket's own: private
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "petr.web.storage.SiteServedS3Storage",
        "OPTIONS": {**_s3, "location": "media", "base_url": MEDIA_URL},
    }
    STORAGES["private"] = {
        "BACKEND": "petr.web.storage.SiteServedS3Storage",
        "OPTIONS": {**_s3, "location": "private", "base_url": "/non-public/"},
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"  # through its checks, never a bucket's address

# Checked files (library documents, private files) are sent by nginx after the view's checks
# (petr/web/sendfile.py): on behind the recipe's nginx (production), streamed by Django elsewhere.
X_ACCEL_REDIRECT = os.environ.get("X_ACCEL_REDIRECT", "false") == "true"
SENDFILE_BACKEND = "petr.web.sendfile"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies over these are refused unread (petr/web/limits.py): the public forms (a page
# type that takes files sets its own `public_upload_bytes`), and the admin, whose largest upload
# is a 50 MB library document.
PUBLIC_MAX_BODY_BYTES = 1 * 2**20
ADMIN_MAX_BODY_BYTES = 60 * 2**20

# Background tasks (petr/web/mail.py): e-mails wait in the database queue for the worker,
# `manage.py db_worker --backend background`. Wagtail's own tasks stay immediate.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "20"))  # seconds, per SMTP operation
# The backend the worker delivers with (petr/web/mail.py); None: EMAIL_BACKEND itself.
EMAIL_DELIVERY_BACKEND = None
# Newsletters and alerts (petr/newsletter/sending.py): BATCH_SIZE messages a batch over one
# connection, RATE_PER_MINUTE at most (ask the mail provider what it accepts); a batch whose
# worker died is taken over after LEASE_SECONDS; the day's alerts leave from DIGEST_HOUR.
NEWSLETTER = {
    "RATE_PER_MINUTE": float(os.environ.get("NEWSLETTER_RATE_PER_MINUTE", "120")),
    "BATCH_SIZE": int(os.environ.get("NEWSLETTER_BATCH_SIZE", "50")),
    "LEASE_SECONDS": float(os.environ.get("NEWSLETTER_LEASE_SECONDS", "120")),
    "DIGEST_HOUR": 7,
}

# Wagtail
# The admin's name for the site until staff name it (SiteIdentity.save names the Site).
WAGTAIL_SITE_NAME = "Administration du site"
# The public address (petr/web/public_address.py): required in production; links in e-mails,
# the sitemap and canonical links use it. Development falls back to the local server.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# The starter pack `seed_site` builds a new site from (starter/<name>/): the generic one, whose
# texts any PETR or Pays can keep, unless told otherwise (`make run` shows the first site's).
STARTER_PACK = os.environ.get("STARTER_PACK", "generique")
WAGTAILADMIN_BASE_URL = SITE_URL or "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_USER_EDIT_FORM = None
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "petr.core.admin.image_form.ImageForm"  # alternative text required
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "petr.library.document_form.CheckedDocumentForm"
# PostgreSQL: French stemming without accents (petr/search/migrations); SQLite's FTS5 tokenizer
# already ignores accents.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "petr_french"}
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin asks no other host: no Gravatar (staff e-mail hashes would leave the site), no update
# check, no « what's new » banner linking to wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Security headers. The public site loads nothing from another host; the admin has its own
# policy (petr/web/admin_csp.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the site never uses are refused to any page or frame (Permissions-Policy).
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
            "encrypted-media", "geolocation", "gyroscope", "hid", "idle-detection",
            "interest-cohort", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
            "xr-spatial-tracking",
        ],
        [],
    ),
    "fullscreen": ["self"],
    "clipboard-write": ["self"],  # the admin's copy buttons
}  # fmt: skip
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ("/admin/",),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Requests with a bad Host header are logged in one short line, without a traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_short_line": {"()": "petr.web.log_filters.OneShortLine"}},
    "loggers": {"django.security.DisallowedHost": {"filters": ["one_short_line"]}},
}

# Territory import (manage.py import_territory): the API Découpage administratif.
WORDPRESS_IMPORT = {
    "TIMEOUT": float(os.environ.get("WORDPRESS_IMPORT_TIMEOUT", "30")),  # seconds, connect and read
    "RETRIES": 4,
    "BACKOFF": 2,  # seconds, doubled at each retry
    "USER_AGENT": f"petr-portal/0.1 (import WordPress; +{WAGTAILADMIN_BASE_URL})",
}

TERRITORY_API = {
    "BASE_URL": os.environ.get("GEO_API_BASE_URL", "https://geo.api.gouv.fr"),
    "TIMEOUT": float(os.environ.get("GEO_API_TIMEOUT", "20")),  # seconds, connect and read
    "RETRIES": 4,
    "BACKOFF": 2,  # seconds, doubled at each retry
    "USER_AGENT": (f"petr-portal/0.1 (import du territoire; +{WAGTAILADMIN_BASE_URL})"),
}

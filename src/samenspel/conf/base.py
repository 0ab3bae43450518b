"""Settings shared by every environment; `dev`, `test` and `production` adjust them thinly.

Environment variables (all optional outside production):
- DATABASE_URL: database, e.g. postgres://postgres@127.0.0.1:5432/samenspel (default: SQLite file)
- SAMENSPEL_EMAIL_URL: outgoing mail, e.g. smtp://user:pass@host:587/?tls=1 (default: console)
- SAMENSPEL_DEFAULT_FROM_EMAIL: sender of invitations and password resets
- SAMENSPEL_DEMO_PASSWORD: password of the demo accounts created by `make run`
- SAMENSPEL_DEMO_TOTP_SECRET: base32 key of the demo partner's authenticator app (`make run`)
- SAMENSPEL_SITE_URL: the site's public address, the base of every link in an e-mail
- SAMENSPEL_MAIL_MAX_ATTEMPTS, SAMENSPEL_MAIL_RETRY_SECONDS, SAMENSPEL_MAIL_KEEP_DAYS: the outbox
- SAMENSPEL_CACHE_URL: a Redis server shared by all app instances, e.g. redis://127.0.0.1:6379/0
  (default: each process its own memory, enough for one process such as `make run`)
- SAMENSPEL_SIGNAL_KEYS: Fernet keys for residents' data in signals, newest first (required in
  production; see docs/privacy.md for rotation)
- SAMENSPEL_SIGNAL_RETENTION_DAYS: days a closed signal keeps the resident's data (default 365)
"""

import base64
import hashlib
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from samenspel.conf import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent

DEBUG = False
SECRET_KEY = env.text("SAMENSPEL_SECRET_KEY", "insecure-development-key-not-for-production")
ALLOWED_HOSTS = env.text_list("SAMENSPEL_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "samenspel.core",
    "samenspel.mail",
    "samenspel.accounts",
    "samenspel.coalitions",
    "samenspel.partners",
    "samenspel.guide",
    "samenspel.scans",
    "samenspel.advice",
    "samenspel.agreements",
    "samenspel.meetings",
    "samenspel.funding",
    "samenspel.evaluations",
    "samenspel.activities",
    "samenspel.monitoring",
    "samenspel.reporting",
    "samenspel.signals",
    "samenspel.workspace",
    "samenspel.demo",
    "samenspel.bench",
]

MIDDLEWARE = [
    "samenspel.core.requests_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samenspel.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Django's, but open pages are let through without reading the session.
    "samenspel.core.http_cache.LoginRequiredMiddleware",
    "samenspel.core.http_cache.PrivateByDefaultMiddleware",
    "samenspel.workspace.navigation.RememberCoalitionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samenspel.urls"
WSGI_APPLICATION = "samenspel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "samenspel.accounts.context_processors.memberships",
            ],
            # Used on nearly every page: the date filters and the components.
            "builtins": [
                "samenspel.core.templatetags.dates",
                "samenspel.core.templatetags.components",
            ],
        },
    },
]

FORM_RENDERER = "samenspel.core.renderers.SamenspelFormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'samenspel.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before a request uses it: after a database restart the
        # first request gets a new connection instead of an error.
        conn_health_checks=True,
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database is locked": each
    # transaction takes the write lock when it begins (not halfway, when it could no longer
    # wait), and a connection waits up to 20 seconds for it (the busy timeout). In WAL mode
    # readers never wait for the writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# The read log's own connection (core/routers.py): a read is logged even when the request's
# transaction rolls back. SQLite: a file of its own next to the main one; otherwise the same
# database through a second connection.
DATABASES["audit"] = {**DATABASES["default"], "TEST": {}}
if DATABASES["audit"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["audit"]["NAME"] = str(
        Path(DATABASES["default"]["NAME"]).with_suffix(".audit.sqlite3")
    )
DATABASE_ROUTERS = ["samenspel.core.routers.AuditRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "samenspel.accounts.backends.EmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A refused CSRF check shows what was typed, to copy (core/drafts.py).
CSRF_FAILURE_VIEW = "samenspel.core.drafts.csrf_failure"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "coalitions:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Lock-out after repeated failed logins (django-axes): per account and address.
AXES_FAILURE_LIMIT = env.integer("SAMENSPEL_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# API calls get a problem+json 429, pages the lock-out template.
AXES_LOCKOUT_CALLABLE = "samenspel.accounts.lockout.lockout_response"
# Also locks a network address after this many failures over all accounts within the hour.
AXES_HANDLER = "samenspel.accounts.lockout.AddressLimitHandler"
LOGIN_ADDRESS_FAILURE_LIMIT = env.positive_integer("SAMENSPEL_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
# Reverse proxies in front of the app whose X-Forwarded-For may be trusted (0: none).
TRUSTED_PROXIES = env.integer("SAMENSPEL_TRUSTED_PROXIES", 0)
if TRUSTED_PROXIES:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXIES
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

INVITATION_VALID_DAYS = env.integer("SAMENSPEL_INVITATION_VALID_DAYS", 14)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True


def cache_settings(url: str) -> dict[str, dict[str, object]]:
    """The default cache (throttles, lock-out counters) and the analysis cache.

    Computed analysis (scan results, advice) is keyed by a version of the data it was computed
    from, so an entry is never stale: a change of the data gives a new key. With a Redis URL both
    live there, shared by every instance; without one each process keeps its own in memory.
    """
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "default",
            },
            "analysis": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "analysis",
                "TIMEOUT": 24 * 60 * 60,
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
        }
    shared = {
        "BACKEND": "samenspel.core.cache.SharedCache",
        "LOCATION": url,
        # Fail fast when Redis is gone: the cache falls back, it must not hold the request.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }
    return {
        "default": {**shared, "KEY_PREFIX": "samenspel"},
        "analysis": {**shared, "KEY_PREFIX": "analysis", "TIMEOUT": 24 * 60 * 60},
    }


CACHES = cache_settings(env.text("SAMENSPEL_CACHE_URL"))

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def email_settings(url: str) -> dict[str, object]:
    """Translate SAMENSPEL_EMAIL_URL (smtp://user:pass@host:port/?tls=1) into Django settings."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise env.ConfigurationError(
            f"SAMENSPEL_EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme!r}"
        )
    options = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": options.get("tls", ["0"])[0] in {"1", "true"},
        "EMAIL_TIMEOUT": 10,
    }


globals().update(email_settings(env.text("SAMENSPEL_EMAIL_URL")))
DEFAULT_FROM_EMAIL = env.text("SAMENSPEL_DEFAULT_FROM_EMAIL", "Samenspel <noreply@samenspel.nl>")

# Background tasks (e-mail) are rows in the database, run by `samenspel db_worker`: no extra
# server. django-tasks is the backport of Django 6's django.tasks.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Outgoing e-mail goes through the outbox (samenspel.mail): a failed delivery is tried again after
# MAIL_RETRY_SECONDS, then four times as long each time (at most an hour), MAIL_MAX_ATTEMPTS in
# all. Bodies of sent and failed mails are blanked after MAIL_KEEP_DAYS.
SITE_URL = env.site_address("SAMENSPEL_SITE_URL", "http://127.0.0.1:8000")
MAIL_MAX_ATTEMPTS = env.positive_integer("SAMENSPEL_MAIL_MAX_ATTEMPTS", 5)
MAIL_RETRY_SECONDS = env.positive_integer("SAMENSPEL_MAIL_RETRY_SECONDS", 60)
MAIL_KEEP_DAYS = env.positive_integer("SAMENSPEL_MAIL_KEEP_DAYS", 30)

# Identifying fields of signals about residents are encrypted with these Fernet keys
# (signals/crypto.py): comma-separated, newest first; the first encrypts, all decrypt. Outside
# production a key derived from SECRET_KEY stands in, so that development needs no setup.
DEV_SIGNAL_KEY = base64.urlsafe_b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()
SIGNAL_KEYS = env.text_list("SAMENSPEL_SIGNAL_KEYS", [DEV_SIGNAL_KEY])
# Days a closed signal keeps the resident's data before the daily run anonymises it.
SIGNAL_RETENTION_DAYS = env.positive_integer("SAMENSPEL_SIGNAL_RETENTION_DAYS", 365)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "samenspel.accounts.api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "samenspel.core.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "samenspel.core.api.problems.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NUM_PROXIES": TRUSTED_PROXIES,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samenspel API",
    "DESCRIPTION": "API van Samenspel, het platform voor lokale coalities tegen eenzaamheid.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MembershipRoleEnum": "samenspel.accounts.models.Role.choices",
        "PartnerRoleEnum": "samenspel.partners.models.CoalitionRole.choices",
    },
}

# Content Security Policy: nothing leaves the server's own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def logging_settings(*, structured: bool) -> dict[str, object]:
    """Log lines on standard error, each with the request's id.

    Structured (production): one JSON object a line with time, level, logger, message, request
    id and, for the access line of each request (`samenspel.access`), method, path, status and
    duration. Otherwise plain text and no access lines.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "samenspel.core.requests_log.RequestIdFilter"}},
        "formatters": {
            "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "json" if structured else "text",
            }
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {"samenspel.access": {"level": "INFO" if structured else "WARNING"}},
    }


LOGGING = logging_settings(structured=False)

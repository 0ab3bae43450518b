"""Production: everything secret or host-specific comes from the environment."""

from samenspel.conf import env
from samenspel.conf.base import *  # noqa: F403
from samenspel.conf.base import logging_settings

DEBUG = False
SECRET_KEY = env.required_text("SAMENSPEL_SECRET_KEY")
ALLOWED_HOSTS = env.text_list("SAMENSPEL_ALLOWED_HOSTS", [])
# Residents' data in signals is encrypted with keys of its own, never one derived from SECRET_KEY.
SIGNAL_KEYS = [key.strip() for key in env.required_text("SAMENSPEL_SIGNAL_KEYS").split(",")]

SECURE_SSL_REDIRECT = env.boolean("SAMENSPEL_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# The load balancer asks these over plain HTTP on the instance's own port.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Structured logs: one JSON object a line on standard error (journald), with the request id.
LOGGING = logging_settings(structured=True)

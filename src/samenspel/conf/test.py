from samenspel.conf.base import *  # noqa: F403
from samenspel.conf.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once (after the enqueuing transaction commits): tests need no worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_FAILURE_LIMIT = 3
WHITENOISE_AUTOREFRESH = True

# Most tests build data with factories (no audit records, so no new cache key): compute fresh.
# The caching itself is tested with an explicit locmem override.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "analysis": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
SITE_URL = "https://samenspel.test"

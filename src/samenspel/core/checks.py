"""`check --deploy`: several app instances need one shared cache, or each counts its own limits."""

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_shared_cache(**kwargs: Any) -> list[Warning]:
    backend = settings.CACHES["default"]["BACKEND"]
    if backend != "django.core.cache.backends.locmem.LocMemCache":
        return []
    return [
        Warning(
            "The cache is each process's own memory: with more than one worker or instance, "
            "throttles count per process and the analysis is computed in each.",
            hint="Set SAMENSPEL_CACHE_URL to the Redis server all instances share.",
            id="samenspel.core.W001",
        )
    ]

"""Probes for the load balancer and the service manager: cheap, anonymous, never cached.

`/healthz`: the process answers (no database). `/readyz`: it can serve, i.e. the database
answers, the cache answers and no migration is waiting. Once all migrations were found applied,
a process does not look again (they are not taken back while it runs).
"""

from __future__ import annotations

import json
import logging

from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from samenspel.core.cache import CacheUnavailable

logger = logging.getLogger(__name__)
_applied: set[bool] = set()  # {True} once every migration was found applied


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness check; also the trivial view the benchmarks compare against."""
    return HttpResponse("ok", content_type="text/plain")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.warning("Readiness: database unreachable")
        return False


def cache_ok() -> bool:
    try:
        cache = caches["default"]
        cache.add("readyz", 1, 5)
        return cache.get("readyz") == 1
    except CacheUnavailable:
        return False


def migrations_ok() -> bool:
    if not _applied:
        executor = MigrationExecutor(connection)
        if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
            _applied.add(True)
    return bool(_applied)


@login_not_required
@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    checks = {"database": database_ok()}
    checks["migrations"] = checks["database"] and migrations_ok()
    checks["cache"] = cache_ok()
    ready = all(checks.values())
    body = {name: "ok" if passed else "failed" for name, passed in checks.items()}
    return HttpResponse(
        json.dumps(body), status=200 if ready else 503, content_type="application/json"
    )

"""The read log (`ReadEvent`) is written through its own connection, the "audit" alias.

On PostgreSQL that alias is the same database as "default" with a second connection, so the
table is created by the ordinary migrations. On SQLite a second connection cannot write while the
first holds the database's write lock (every transaction does, in IMMEDIATE mode), so the alias
is a database file of its own that holds only the read log.
"""

from typing import Any

from django.db import connections

AUDIT = "audit"


def separate_audit_database() -> bool:
    return connections["default"].vendor == "sqlite"


class AuditRouter:
    def _is_read_log(self, model: Any) -> bool:
        return model._meta.label_lower == "core.readevent"

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return AUDIT if self._is_read_log(model) else None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return AUDIT if self._is_read_log(model) else None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True if self._is_read_log(obj1) or self._is_read_log(obj2) else None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any):
        read_log = f"{app_label}.{model_name}" == "core.readevent"
        if not separate_audit_database():
            return None if db != AUDIT else False
        return read_log if db == AUDIT else not read_log

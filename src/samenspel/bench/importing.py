"""How long importing a large spreadsheet of activities takes (issue: 10,000 rows, quoted).

The file is the measured coalition's own export (the same columns as the import template),
repeated up to the number of rows, as CSV (`;`, UTF-8 with BOM) and as .xlsx: the formats a
coordinator brings. Preview and commit are timed separately, inside a transaction that is rolled
back, so the database the pages are measured on does not change.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from django.db import transaction

from samenspel.accounts.models import User
from samenspel.activities.exporting import activity_table
from samenspel.activities.importing import commit_import, preview_import
from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition
from samenspel.core.spreadsheets import to_csv, to_xlsx

IMPORT_ROWS = 10_000


def spreadsheet_rows(coalition: Coalition, rows: int) -> tuple[list[str], list[list[Any]]]:
    headers, table = activity_table(coalition)
    return headers, list(itertools.islice(itertools.cycle(list(table)), rows))


def time_import(coalition: Coalition, user: User, rows: int = IMPORT_ROWS) -> dict[str, Any]:
    headers, body = spreadsheet_rows(coalition, rows)
    files = {
        "csv": to_csv(headers, body),
        "xlsx": to_xlsx(headers, body, "Activiteiten"),
    }
    return {name: _timed(coalition, user, data, name) for name, data in files.items()}


def _timed(coalition: Coalition, user: User, data: bytes, extension: str) -> dict[str, Any]:
    before = Activity.objects.across_coalitions().filter(coalition=coalition).count()
    with transaction.atomic():
        started = time.perf_counter()
        batch = preview_import(coalition, data, f"benchmark.{extension}", acting_user=user)
        previewed = time.perf_counter()
        commit_import(batch, acting_user=user)
        committed = time.perf_counter()
        created = Activity.objects.across_coalitions().filter(coalition=coalition).count() - before
        transaction.set_rollback(True)
    return {
        "rows": batch.row_count,
        "bytes": len(data),
        "errors": batch.error_count,
        "created": created,
        "preview_s": round(previewed - started, 2),
        "commit_s": round(committed - previewed, 2),
        "total_s": round(committed - started, 2),
    }

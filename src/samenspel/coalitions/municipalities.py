"""Reading the CBS municipality register as Dutch users save it: `;`-separated, cp1252 or UTF-8."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from django.db import transaction

from samenspel.coalitions.models import CBS_CODE, Municipality

BUNDLED = Path(__file__).parent / "data" / "municipalities.csv"


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; Excel's cp1252 otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def read_rows(raw: bytes) -> Iterator[tuple[str, str, bool]]:
    """Rows of (code, name, fictional). Accepts CBS's own headers (GemeentecodeGM, Gemeentenaam)."""
    reader = csv.DictReader(io.StringIO(decode(raw)), delimiter=";")
    for line, row in enumerate(reader, start=2):
        normalised = {
            key.strip().lower(): (value or "").strip() for key, value in row.items() if key
        }
        code = normalised.get("code") or normalised.get("gemeentecodegm") or ""
        name = normalised.get("name") or normalised.get("gemeentenaam") or ""
        if len(code) == 4 and code.isdigit():
            code = f"GM{code}"
        try:
            CBS_CODE(code)
        except Exception as error:
            raise ValueError(f"regel {line}: '{code}' is geen CBS-gemeentecode") from error
        if not name:
            raise ValueError(f"regel {line}: de naam van de gemeente ontbreekt")
        yield code, name, normalised.get("fictional", "0") in {"1", "ja", "true"}


@transaction.atomic
def load(raw: bytes) -> int:
    """Insert or update every row; all or nothing."""
    rows = list(read_rows(raw))
    for code, name, fictional in rows:
        Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "is_fictional": fictional}
        )
    return len(rows)

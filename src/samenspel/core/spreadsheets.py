"""Tables as .xlsx and as CSV the way Dutch Excel opens it (`;`, UTF-8 with BOM, dd-mm-jjjj,
decimal comma): the one writer of every export.

Text that a spreadsheet would take for a formula (starting with =, +, -, @, tab or CR) gets a
leading apostrophe, in both formats (OWASP, CSV injection).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _("ja") if value else _("nee")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return neutralise(str(value))


def to_csv(headers: list[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
    # The BOM makes Excel read UTF-8 instead of guessing the Windows code page.
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(
    headers: list[str],
    rows: Iterable[list[Any]],
    sheet_title: str,
    explanation: list[list[str]] | None = None,
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    bold = Font(bold=True)

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            # Forced to a string cell: openpyxl would otherwise store '=…' as a formula.
            item = WriteOnlyCell(sheet, value=neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)))
            item.data_type = "s"
            return item
        item = WriteOnlyCell(sheet, value=value)
        if isinstance(value, datetime.date):
            item.number_format = "DD-MM-YYYY"
        elif isinstance(value, datetime.time):
            item.number_format = "HH:MM"
        elif isinstance(value, Decimal):
            item.number_format = "0.00"
        return item

    header_cells = []
    for header in headers:
        item = cell(header)
        item.font = bold
        header_cells.append(item)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([cell(value) for value in row])
    if explanation:
        notes = workbook.create_sheet(_("Toelichting"))
        for line in explanation:
            notes.append([cell(value) for value in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

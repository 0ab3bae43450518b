"""Turning an uploaded file into rows of cells: .xlsx through openpyxl, CSV as Dutch Excel
saves it (`;`-separated, cp1252 or UTF-8 with or without BOM).

Everything that makes the whole file unreadable raises `ImportRefused` with a Dutch message that
says what to do; problems in single cells are left to the row checks.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# An .xlsx is a zip: refuse one that unpacks to far more than any real list of activities.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
SEPARATOR_NAMES = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
OTHER_SEPARATORS = ("|", ":", "^", "~", "#")

Cell = Any  # str from CSV; str, int, float, bool, date, datetime or time from .xlsx


class ImportRefused(ValidationError):
    """The file as a whole cannot be read; nothing was stored."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="import_refused")


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list[Cell]]]  # (row number as the spreadsheet shows it, cells)
    kind: str  # "xlsx" or "csv"
    separator: str = ""
    notes: list[str] = field(default_factory=list)


def read_bytes(upload: bytes | IO[bytes]) -> bytes:
    """The file's content, refusing it once it passes the size limit (without reading on)."""
    if isinstance(upload, bytes | bytearray):
        data = bytes(upload)
    else:
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(
            _("Het bestand is groter dan %(size)s MB. Splits het in kleinere bestanden.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    return data


def open_table(data: bytes) -> Table:
    if not data.strip():
        raise ImportRefused(_("Het bestand is leeg."))
    if data.startswith(XLSX_MAGIC):
        return _open_xlsx(data)
    if data.startswith(XLS_MAGIC):
        raise ImportRefused(
            _(
                "Oude Excelbestanden (.xls) kan Samenspel niet lezen. Sla het bestand in Excel "
                "op als Excel-werkmap (.xlsx) of als CSV en probeer het opnieuw."
            )
        )
    return _open_csv(data)


def _cell_text(value: Cell) -> str:
    return "" if value is None else str(value).strip()


def _without_empty(rows: Iterator[tuple[int, list[Cell]]]) -> Iterator[tuple[int, list[Cell]]]:
    """Skips empty rows, and stops at the row limit: a larger file is refused, not truncated."""
    count = 0
    for number, cells in rows:
        if not any(_cell_text(cell) for cell in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise ImportRefused(
                _(
                    "Het bestand heeft meer dan %(max)s rijen met activiteiten. Splits het in "
                    "bestanden van hoogstens %(max)s rijen en lees ze na elkaar in."
                )
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        yield number, cells


def _first_row(rows: Iterator[tuple[int, list[Cell]]]) -> list[str]:
    for _number, cells in rows:
        if any(_cell_text(cell) for cell in cells):
            return [_cell_text(cell) for cell in cells]
    raise ImportRefused(_("Het bestand is leeg."))


# .xlsx


def _open_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook  # only the import needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportRefused(
                _("Het Excelbestand is uitgepakt te groot. Splits het in kleinere bestanden.")
            )
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
    except ImportRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip
        raise ImportRefused(
            _(
                "Het bestand lijkt een Excelbestand, maar Samenspel kan het niet openen. Is het "
                "een echte Excel-werkmap (.xlsx)? Sla het opnieuw op en probeer het nog eens."
            )
        ) from error

    def numbered() -> Iterator[tuple[int, list[Cell]]]:
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(values)
        finally:
            workbook.close()

    rows = numbered()
    header = _first_row(rows)
    return Table(header=header, rows=_without_empty(rows), kind="xlsx")


# CSV


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 20:
        raise ImportRefused(
            _(
                "Het bestand is opgeslagen als UTF-16 ('Unicode-tekst'). Sla het in Excel op "
                "als 'CSV (gescheiden door lijstscheidingsteken)' of als 'CSV UTF-8' en probeer "
                "het opnieuw."
            )
        )
    if b"\x00" in data:
        raise ImportRefused(_("Dit is geen CSV- of Excelbestand (.xlsx) dat Samenspel kan lezen."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # What Excel on Windows writes for 'CSV (gescheiden door lijstscheidingsteken)'.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _(
                "De tekens in het bestand zijn niet te lezen. Sla het op als 'CSV UTF-8' en "
                "probeer het opnieuw."
            )
        ) from error
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\r\n\t")
    if controls > len(text) // 100:
        raise ImportRefused(_("Dit is geen CSV- of Excelbestand (.xlsx) dat Samenspel kan lezen."))
    return text


def _unquoted(line: str) -> str:
    """The line without the parts between double quotes, where separators do not count."""
    return "".join(part for index, part in enumerate(line.split('"')) if index % 2 == 0)


def _separator(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    plain = _unquoted(first)
    counts = {sep: plain.count(sep) for sep in SEPARATOR_NAMES}
    best = max(counts, key=lambda sep: counts[sep])
    if counts[best]:
        return best
    other = next((sep for sep in OTHER_SEPARATORS if sep in plain), None)
    if other:
        raise ImportRefused(
            _(
                "De kolommen zijn gescheiden door '%(found)s'; dat scheidingsteken kent "
                "Samenspel niet. Gebruik een puntkomma (;), zoals Excel doet bij 'CSV "
                "(gescheiden door lijstscheidingsteken)'."
            )
            % {"found": other}
        )
    if " " in first.strip() and len(first.split()) >= 3:
        raise ImportRefused(
            _(
                "In de kopregel staat geen puntkomma (;), komma of tab tussen de kolommen. "
                "Gebruik een puntkomma (;), zoals Excel doet bij 'CSV (gescheiden door "
                "lijstscheidingsteken)'."
            )
        )
    return ";"  # a single column; the column check names what is missing


def _open_csv(data: bytes) -> Table:
    text = _decode(data)
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)

    def numbered() -> Iterator[tuple[int, list[Cell]]]:
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as error:
            raise ImportRefused(
                _('Rij %(row)s is niet te lezen: staan de aanhalingstekens (") goed?')
                % {"row": reader.line_num}
            ) from error

    rows = numbered()
    header = _first_row(rows)
    notes = []
    if separator != ";":
        notes.append(
            _(
                "De kolommen zijn gescheiden door een %(found)s in plaats van een puntkomma (;); "
                "zo is het bestand ook gelezen."
            )
            % {"found": SEPARATOR_NAMES[separator]}
        )
    return Table(
        header=header, rows=_without_empty(rows), kind="csv", separator=separator, notes=notes
    )

"""Turning an uploaded file into rows of cells: .xlsx through openpyxl, CSV as Dutch Excel
saves it (`;`-separated, cp1252 or UTF-8 with or without BOM).

Everything that makes the whole file unreadable raises `ImportRefused` with a Dutch message that
says what to do; problems in single cells are left to the row checks.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Every row after the header counts, empty ones too: a sheet of a million empty rows is refused
# as soon as it passes the limit, instead of being read to the end.
MAX_ROWS = 20_000
# Cells read from an .xlsx, empty ones included (about 60 columns for every row allowed).
MAX_CELLS = 1_200_000
# Reading the rows stops after this many seconds, whatever the file holds.
MAX_READ_SECONDS = 30.0
# An .xlsx is a zip: refuse one that unpacks to far more than any real list of activities.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Parts of an .xlsx that openpyxl reads whole (shared texts, styles): a large one would fill
# memory before the first row is read. The worksheet itself is read row by row.
MAX_WHOLE_PART_BYTES = 30 * 1024 * 1024
SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")
# How many hidden row numbers the preview names before it says "and n more".
HIDDEN_ROWS_NAMED = 20

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


def _too_many_rows() -> ImportRefused:
    return ImportRefused(
        _(
            "Het bestand heeft meer dan %(max)s rijen (lege rijen meegeteld). Splits het in "
            "bestanden van hoogstens %(max)s rijen en lees ze na elkaar in."
        )
        % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _too_slow() -> ImportRefused:
    return ImportRefused(
        _(
            "Het lezen van het bestand duurt te lang. Splits het in kleinere bestanden, of sla "
            "het op als CSV en probeer het opnieuw."
        )
    )


def _within_limits(
    rows: Iterator[tuple[int, list[Cell]]], first: int
) -> Iterator[tuple[int, list[Cell]]]:
    """Stops at the row and time limits, counting every row after row `first` (the header) by
    its number, so empty rows count too; then skips the empty rows. A larger file is refused,
    not truncated."""
    deadline = time.monotonic() + MAX_READ_SECONDS
    for number, cells in rows:
        if number - first > MAX_ROWS:
            raise _too_many_rows()
        if time.monotonic() > deadline:
            raise _too_slow()
        if any(_cell_text(cell) for cell in cells):
            yield number, cells


def _first_row(rows: Iterator[tuple[int, list[Cell]]]) -> tuple[int, list[str]]:
    """The header: the first row with text, and its number."""
    for number, cells in rows:
        if number > MAX_ROWS:
            raise _too_many_rows()
        if any(_cell_text(cell) for cell in cells):
            return number, [_cell_text(cell) for cell in cells]
    raise ImportRefused(_("Het bestand is leeg."))


# .xlsx


def _unreadable_xlsx() -> ImportRefused:
    return ImportRefused(
        _(
            "Het bestand lijkt een Excelbestand, maar Samenspel kan het niet openen. Is het "
            "een echte Excel-werkmap (.xlsx)? Sla het opnieuw op en probeer het nog eens."
        )
    )


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Refuses a zip that unpacks too large before anything is unpacked. Python's zipfile never
    unpacks a part beyond the size its header declares, so the declared sizes are the limit."""
    parts = archive.infolist()
    whole = [p for p in parts if not SHEET_PART.fullmatch(p.filename)]
    if sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES or any(
        p.file_size > MAX_WHOLE_PART_BYTES for p in whole
    ):
        raise ImportRefused(
            _("Het Excelbestand is uitgepakt te groot. Splits het in kleinere bestanden.")
        )


@dataclass
class SpreadsheetFile:
    """What the import needs of an .xlsx: openpyxl's reader with the workbook, its styles and
    shared texts read, and the names and parts of its sheets. The sheets themselves are not read
    yet: openpyxl's read-only worksheet would first scan a whole sheet for its size."""

    reader: Any  # openpyxl.reader.excel.ExcelReader
    sheets: list[tuple[str, str]]  # (name, part in the zip)

    @classmethod
    def of(cls, data: bytes) -> SpreadsheetFile:
        from openpyxl.reader.excel import ExcelReader  # only the import needs openpyxl
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(io.BytesIO(data), read_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)  # which number formats are dates
        sheets = [
            (sheet.name, rel.target)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if not sheets:
            raise ValueError("no worksheet")
        return cls(reader, sheets)


def _open_xlsx(data: bytes) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
        workbook = SpreadsheetFile.of(data)
    except ImportRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip
        raise _unreadable_xlsx() from error
    notes = _other_sheets_note([name for name, _part in workbook.sheets])
    hidden: list[int] = []
    rows = _sheet_rows(workbook, hidden)
    try:
        first, header = _first_row(rows)
    except BaseException:
        rows.close()
        raise

    def read() -> Iterator[tuple[int, list[Cell]]]:
        yield from _within_limits(rows, first)
        if hidden:
            notes.append(_hidden_rows_note(hidden))

    return Table(header=header, rows=read(), kind="xlsx", notes=notes)


def _sheet_rows(workbook: SpreadsheetFile, hidden: list[int]) -> Generator[tuple[int, list[Cell]]]:
    """The rows of the first sheet as its XML holds them, one at a time, with their numbers;
    the numbers of hidden rows are added to `hidden`.

    This uses openpyxl's own row parser (the one behind its read-only worksheets) rather than
    `iter_rows`, which fills every row out to the size the file declares (A1:XFD1048576 is 17
    billion cells) and does not say which rows are hidden. Cells are counted as they are read,
    empty ones too, and a row is filled out only to its last value.
    """
    from openpyxl.worksheet._reader import WorkSheetParser  # pinned in constraints.txt

    reader = workbook.reader
    cells_read = 0
    try:
        with reader.archive.open(workbook.sheets[0][1]) as source:
            parser = WorkSheetParser(
                source,
                reader.shared_strings,
                epoch=reader.wb.epoch,
                date_formats=reader.wb._date_formats,
                timedelta_formats=reader.wb._timedelta_formats,
            )
            for number, cells in parser.parse():
                filled = [(c["column"], c["value"]) for c in cells if c["value"] is not None]
                width = filled[-1][0] if filled else 0
                cells_read += len(cells) + width
                if cells_read > MAX_CELLS:
                    raise _too_many_cells()
                if parser.row_dimensions.get(str(number), {}).get("hidden") in {"1", "true"}:
                    hidden.append(number)
                values: list[Cell] = [None] * width
                for column, value in filled:
                    values[column - 1] = value
                yield number, values
    except ImportRefused:
        raise
    except Exception as error:  # a damaged sheet: broken XML, a cell that is not a cell
        raise _unreadable_xlsx() from error
    finally:
        reader.archive.close()


def _too_many_cells() -> ImportRefused:
    return ImportRefused(
        _(
            "Het bestand heeft te veel cellen (ook lege cellen met opmaak tellen mee). Kopieer "
            "alleen de rijen en kolommen met activiteiten naar een nieuw bestand en probeer het "
            "opnieuw."
        )
    )


def _other_sheets_note(names: list[str]) -> list[str]:
    if len(names) < 2:
        return []
    return [
        _(
            "Alleen het eerste werkblad ('%(first)s') is gelezen. Deze werkbladen zijn "
            "overgeslagen: %(others)s."
        )
        % {"first": names[0], "others": ", ".join(f"'{name}'" for name in names[1:])}
    ]


def _hidden_rows_note(numbers: list[int]) -> str:
    named = ", ".join(str(n) for n in numbers[:HIDDEN_ROWS_NAMED])
    if len(numbers) > HIDDEN_ROWS_NAMED:
        named += " " + _("en nog %(count)s") % {"count": len(numbers) - HIDDEN_ROWS_NAMED}
    return _(
        "Deze rijen zijn in Excel verborgen, maar zijn wel gelezen: %(rows)s. Moeten ze niet "
        "mee, haal ze dan uit het bestand en laad het opnieuw."
    ) % {"rows": named}


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
    first, header = _first_row(rows)
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
        header=header,
        rows=_within_limits(rows, first),
        kind="csv",
        separator=separator,
        notes=notes,
    )

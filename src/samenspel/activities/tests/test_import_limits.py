"""Spreadsheets that try to exhaust the server. The bad-input corpus is made here byte for byte:
a 1.6 KB .xlsx with a cell at XFD50000, one with a cell at XFD1048576, both also declaring that
size, and a 0.66 MB .xlsx of formatted empty rows that unpacks to 170 MB. Each is refused within
2 seconds and 200 MB with a Dutch message and an unchanged database. Hidden rows, extra sheets
and decimals where a whole number belongs are named; a preview is committed once."""

import io
import time
import tracemalloc
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from openpyxl import Workbook

from samenspel.activities.importing import commit_import, reading
from samenspel.activities.models import Activity, ActivityImport
from samenspel.activities.tests.test_import import (
    counts,
    csv_bytes,
    preview,
    refused,
    rejected_rows,
    xlsx_bytes,
)

SECONDS = 2.0
MEGABYTES = 200
SHEET = "xl/worksheets/sheet1.xml"
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>titel</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>omschrijving</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>soort</t></is></c></row>'
)
ACTIVITY_ROW = (
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>Koor</t></is></c>'
    b'<c r="B2" t="inlineStr"><is><t>Zingen</t></is></c>'
    b'<c r="C2" t="inlineStr"><is><t>Anders</t></is></c></row>'
)
# A row as a spreadsheet program writes one that only has formatting: no number, no values.
EMPTY_ROW = (
    b'<row spans="1:16384" ht="15" customHeight="1"><c s="0"/><c s="0"/><c s="0"/><c s="0"/>'
    b'<c s="0"/><c s="0"/><c s="0"/><c s="0"/><c s="0"/><c s="0"/><c s="0"/></row>'
)
ROWS_IN_A_SHEET = 1_048_576


# The smallest workbook a spreadsheet program opens: its parts, without the sheet's XML.
PARTS = {
    "[Content_Types].xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" '
        b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
    "xl/workbook.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def with_sheet(chunks: Iterable[bytes]) -> bytes:
    """A minimal .xlsx whose only sheet's XML is `chunks`, written as it is compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in PARTS.items():
            archive.writestr(name, content)
        with archive.open(SHEET, "w") as sheet:
            for chunk in chunks:
                sheet.write(chunk)
    return buffer.getvalue()


def declaring(dimension: bytes, last_cell: bytes | None) -> bytes:
    """A few rows that declare `dimension`; with `last_cell` the file has a value there."""
    last = b""
    if last_cell is not None:
        row = last_cell.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        last = b'<row r="%s"><c r="%s" t="inlineStr"><is><t>x</t></is></c></row>' % (
            row,
            last_cell,
        )
    start = b'<dimension ref="%s"/><sheetData>' % dimension
    return with_sheet([HEAD, start, HEADER_ROW, ACTIVITY_ROW, last, b"</sheetData></worksheet>"])


def empty_rows() -> bytes:
    """A header, one activity and then a full sheet of formatted empty rows."""
    block = EMPTY_ROW * 4096
    return with_sheet(
        [HEAD, b"<sheetData>", HEADER_ROW, ACTIVITY_ROW]
        + [block] * (ROWS_IN_A_SHEET // 4096)
        + [b"</sheetData></worksheet>"]
    )


def unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def refused_in_time_and_memory(coordinator, data: bytes) -> str:
    """Refused within the time (measured without tracing) and memory (traced apart) limits.
    Time is the CPU time of this process: on a busy machine the wall clock also counts the
    time spent waiting for a core."""
    started = time.process_time()
    message = refused(coordinator, data, "activiteiten.xlsx")
    assert time.process_time() - started < SECONDS
    tracemalloc.start()
    try:
        refused(coordinator, data, "activiteiten.xlsx")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEGABYTES * 1024 * 1024
    return message


def test_the_corpus_files_are_as_small_as_described():
    assert len(declaring(b"A1:XFD50000", b"XFD50000")) < 2_000
    assert len(declaring(b"A1:XFD1048576", b"XFD1048576")) < 2_000
    data = empty_rows()
    assert len(data) < 1_000_000
    assert 150_000_000 < unpacked_size(data) < reading.MAX_UNPACKED_BYTES


@pytest.mark.parametrize("last_cell", [b"XFD50000", b"XFD1048576"])
def test_a_small_file_with_a_cell_far_away_is_refused_quickly(coordinator, last_cell):
    data = declaring(b"A1:" + last_cell, last_cell)
    message = refused_in_time_and_memory(coordinator, data)
    assert message.startswith("Het bestand heeft meer dan 20.000 rijen (lege rijen meegeteld).")


def test_a_sheet_of_empty_rows_is_refused_at_the_row_limit(coordinator):
    message = refused_in_time_and_memory(coordinator, empty_rows())
    assert message.startswith("Het bestand heeft meer dan 20.000 rijen (lege rijen meegeteld).")


@pytest.mark.parametrize("dimension", [b"A1:XFD50000", b"A1:XFD1048576"])
def test_the_declared_dimension_is_not_trusted(coordinator, dimension):
    started = time.process_time()
    batch = preview(coordinator, declaring(dimension, None), "activiteiten.xlsx")
    assert time.process_time() - started < SECONDS
    assert [row["values"]["title"] for row in batch.rows] == ["Koor"]


def test_too_many_cells_are_refused(coordinator, monkeypatch):
    monkeypatch.setattr(reading, "MAX_CELLS", 50)
    rows: list[list[object]] = [["titel", "omschrijving", "soort"]]
    rows += [["Koor", "Zingen", "Anders"]] * 20
    assert "te veel cellen" in refused(coordinator, xlsx_bytes(rows), "a.xlsx")


def test_reading_stops_at_the_time_limit(coordinator, monkeypatch):
    monkeypatch.setattr(reading, "MAX_READ_SECONDS", 0.0)
    rows: list[list[object]] = [["titel", "omschrijving", "soort"], ["Koor", "Zingen", "Anders"]]
    assert refused(coordinator, xlsx_bytes(rows), "a.xlsx") == (
        "Het lezen van het bestand duurt te lang. Splits het in kleinere bestanden, of sla het "
        "op als CSV en probeer het opnieuw."
    )


def test_empty_csv_lines_count_towards_the_row_limit(coordinator, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    data = csv_bytes("titel;omschrijving;soort", "Koor;Zingen;Anders", *[";;"] * 12)
    assert "meer dan 10 rijen (lege rijen meegeteld)" in refused(coordinator, data)


def test_a_shared_part_too_large_to_read_whole_is_refused(coordinator, monkeypatch):
    monkeypatch.setattr(reading, "MAX_WHOLE_PART_BYTES", 100)
    rows: list[list[object]] = [["titel", "omschrijving", "soort"], ["Koor", "Zingen", "Anders"]]
    assert refused(coordinator, xlsx_bytes(rows), "a.xlsx") == (
        "Het Excelbestand is uitgepakt te groot. Splits het in kleinere bestanden."
    )


def test_hidden_rows_and_other_sheets_are_named_in_the_preview(coordinator):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Activiteiten"
    sheet.append(["titel", "omschrijving", "soort"])
    for number in range(4):
        sheet.append([f"Koor {number}", "Zingen", "Anders"])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[5].hidden = True
    workbook.create_sheet("Oud")
    workbook.create_sheet("Uitleg")
    buffer = io.BytesIO()
    workbook.save(buffer)

    batch = preview(coordinator, buffer.getvalue(), "activiteiten.xlsx")

    assert batch.row_count == 4
    assert batch.notes == [
        "Alleen het eerste werkblad ('Activiteiten') is gelezen. Deze werkbladen zijn "
        "overgeslagen: 'Oud', 'Uitleg'.",
        "Deze rijen zijn in Excel verborgen, maar zijn wel gelezen: 3, 5. Moeten ze niet mee, "
        "haal ze dan uit het bestand en laad het opnieuw.",
    ]


def test_many_hidden_rows_are_summed_up(coordinator):
    rows = [["titel", "omschrijving", "soort"]] + [["Koor", "Zingen", "Anders"]] * 25
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    for number in range(2, 27):
        workbook.active.row_dimensions[number].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    notes = preview(coordinator, buffer.getvalue(), "a.xlsx").notes
    assert notes == [
        "Deze rijen zijn in Excel verborgen, maar zijn wel gelezen: "
        + ", ".join(str(n) for n in range(2, 22))
        + " en nog 5. Moeten ze niet mee, haal ze dan uit het bestand en laad het opnieuw."
    ]


def test_decimals_are_refused_where_a_whole_number_is_asked(coordinator):
    data = csv_bytes(
        "titel;omschrijving;soort;plaatsen",
        "Koor;Zingen;Anders;3.5",
        "Koor;Zingen;Anders;3,5",
        "Koor;Zingen;Anders;1.500",
    )
    assert rejected_rows(coordinator, data) == [
        "Rij 2, kolom 'plaatsen': '3.5' is geen heel getal.",
        "Rij 3, kolom 'plaatsen': '3,5' is geen heel getal.",
    ]
    batch = ActivityImport.objects.latest("id")
    assert batch.rows[2]["values"]["capacity"] == 1500


def test_a_decimal_cell_of_xlsx_is_no_whole_number(coordinator):
    data = xlsx_bytes(
        [["titel", "omschrijving", "soort", "plaatsen"], ["Koor", "Zingen", "Anders", 3.5]]
    )
    assert rejected_rows(coordinator, data, "a.xlsx") == [
        "Rij 2, kolom 'plaatsen': '3.5' is geen heel getal."
    ]


@pytest.mark.django_db(transaction=True)
def test_two_parallel_commits_of_one_preview_create_the_activities_once(coordinator):
    batch = preview(coordinator, csv_bytes("titel;omschrijving;soort", "Koor;Zingen;Anders"))
    copies = [ActivityImport.objects.get(pk=batch.pk) for _copy in range(2)]
    before = counts()

    def commit(copy: ActivityImport) -> str:
        try:
            commit_import(copy, acting_user=coordinator.user)
            return "committed"
        except ValidationError as error:
            return error.messages[0]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(commit, copies))

    assert outcomes == ["Dit bestand is al ingelezen.", "committed"]
    assert Activity.objects.count() == before[0] + 1

"""Exports of activities and reach (.xlsx and CSV), formula neutralisation, and the round trip:
an export read back in gives the same activities."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities import exporting
from samenspel.activities.importing import commit_import, error_messages, preview_import
from samenspel.activities.importing.columns import HEADERS
from samenspel.activities.models import (
    Activity,
    ActivityTargetGroup,
    ReachByGroup,
    ReachRecord,
    TimeSlot,
)
from samenspel.coalitions.models import Neighbourhood
from samenspel.core import spreadsheets
from samenspel.partners.tests.factories import PartnerFactory

FORMULAS = ["=1+1", "+31 6 1234", "-min", "@SUM(A1)", "\tTab", "\rCR"]


def make_activity(coalition, title="Koffieochtend", **fields):
    place = Neighbourhood.objects.get_or_create(coalition=coalition, name="Noord")[0]
    partner = PartnerFactory(coalition=coalition, name=f"Welzijn {title}")
    values = {
        "description": "Samen koffie drinken",
        "kind": "meeting_place",
        "neighbourhood": place,
        "cost": Decimal("2.50"),
        "capacity": 12,
        "starts_on": datetime.date(2026, 3, 1),
        "wheelchair_accessible": True,
        "contact_email": "info@example.nl",
        "website": "https://example.nl/koffie",
        **fields,
    }
    activity = Activity.objects.create(coalition=coalition, title=title, **values)
    activity.providers.add(partner)
    ActivityTargetGroup.objects.create(activity=activity, group="older")
    ActivityTargetGroup.objects.create(activity=activity, group="carers")
    TimeSlot.objects.create(
        activity=activity, weekday=2, start_time=datetime.time(10), end_time=datetime.time(11, 30)
    )
    TimeSlot.objects.create(
        activity=activity, weekday=4, start_time=datetime.time(14), end_time=None
    )
    return activity


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_in_dutch_notation(coalition):
    make_activity(coalition, title="Café € ë")
    rows = read_csv(spreadsheets.to_csv(*exporting.activity_table(coalition)))
    assert rows[0] == HEADERS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["titel"] == "Café € ë"
    assert row["kosten"] == "2,50"
    assert row["startdatum"] == "01-03-2026"
    assert row["dag(en)"] == "dinsdag 10:00-11:30, donderdag 14:00"
    assert row["doelgroepen"] == "Mantelzorgers, Ouderen"
    assert row["rolstoeltoegankelijk"] == "ja"
    assert row["wijk"] == "Noord"


def test_xlsx_export_has_typed_cells(coalition):
    make_activity(coalition)
    sheet = load_workbook(
        io.BytesIO(spreadsheets.to_xlsx(*exporting.activity_table(coalition), "Activiteiten"))
    ).active
    header = [cell.value for cell in sheet[1]]
    assert header == HEADERS
    row = dict(zip(header, list(sheet[2]), strict=True))
    assert row["kosten"].value == 2.5
    assert row["plaatsen"].value == 12
    assert row["startdatum"].value == datetime.datetime(2026, 3, 1)
    assert row["startdatum"].number_format == "DD-MM-YYYY"


def test_formula_like_text_is_neutralised_in_csv(coalition):
    for n, text in enumerate(FORMULAS):
        make_activity(coalition, title=f"{n} titel", description=text)
    rows = read_csv(spreadsheets.to_csv(*exporting.activity_table(coalition)))
    column = rows[0].index("omschrijving")
    assert [row[column] for row in rows[1:]] == ["'" + text for text in FORMULAS]


def test_formula_like_text_is_neutralised_in_xlsx_and_stored_as_text(coalition):
    for n, text in enumerate(FORMULAS):
        make_activity(coalition, title=f"{n} titel", description=text, contact_phone="+31 6 1")
    make_activity(coalition, title='=HYPERLINK("http://example.com","x")')
    content = spreadsheets.to_xlsx(*exporting.activity_table(coalition), "Activiteiten")
    sheet = load_workbook(io.BytesIO(content)).active
    column = HEADERS.index("omschrijving")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    # XML reads a carriage return back as a newline; what counts is the apostrophe before it.
    expected = ["'" + text.replace("\r", "\n") for text in FORMULAS]
    assert [cell.value for cell in cells[:-1]] == expected
    assert {
        cell.data_type
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str)
    } == {"s"}
    assert sheet.cell(len(cells) + 1, 1).value == '\'=HYPERLINK("http://example.com","x")'
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = b"".join(archive.read(name) for name in archive.namelist() if "worksheets" in name)
    assert b"<f>" not in xml  # no formula anywhere in the sheets
    assert b"HYPERLINK" in xml


def test_export_query_count_is_constant(coalition):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            spreadsheets.to_csv(*exporting.activity_table(coalition))
            spreadsheets.to_csv(*exporting.reach_table(coalition))
        return len(context)

    activity = make_activity(coalition, title="Een")
    ReachRecord.objects.create(
        activity=activity,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 1, 31),
        new_participants=3,
    )
    small = queries()
    for n in range(15):
        other = make_activity(coalition, title=f"Activiteit {n}")
        ReachRecord.objects.create(
            activity=other,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 1, 31),
            new_participants=n,
        )
    assert queries() == small


def test_reach_export_counts_only(coalition):
    activity = make_activity(coalition)
    record = ReachRecord.objects.create(
        activity=activity,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        new_participants=5,
        returning_participants=12,
        note="Goed bezocht",
        recorded_by=MembershipFactory(coalition=coalition).user,
    )
    ReachByGroup.objects.create(record=record, group="older", participants=9)
    rows = read_csv(spreadsheets.to_csv(*exporting.reach_table(coalition)))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["activiteit"] == "Koffieochtend"
    assert row["periode van"] == "01-01-2026"
    assert row["periode tot en met"] == "31-03-2026"
    assert (row["nieuwe deelnemers"], row["terugkerende deelnemers"], row["totaal"]) == (
        "5",
        "12",
        "17",
    )
    assert row["deelnemers: Ouderen"] == "9"
    assert row["deelnemers: Jongeren"] == ""
    assert record.recorded_by.email not in "".join(rows[1])
    sheet = load_workbook(
        io.BytesIO(spreadsheets.to_xlsx(*exporting.reach_table(coalition), "Bereik"))
    ).active
    assert sheet.cell(2, 8).value == 17


def test_other_coalitions_are_not_exported(coalition):
    make_activity(MembershipFactory(coordinator=True).coalition, title="Elders")
    make_activity(coalition, title="Hier")
    rows = read_csv(spreadsheets.to_csv(*exporting.activity_table(coalition)))
    assert [row[0] for row in rows[1:]] == ["Hier"]


def fingerprint(coalition) -> list[tuple]:
    """What an activity is, without its identity, coalition or bookkeeping."""
    result = []
    for activity in (
        Activity.objects.filter(coalition=coalition)
        .select_related("neighbourhood")
        .prefetch_related("providers", "target_groups", "time_slots")
        .order_by("title")
    ):
        result.append(
            (
                activity.title,
                activity.description,
                activity.kind,
                activity.organiser,
                activity.neighbourhood.name if activity.neighbourhood else None,
                activity.location_name,
                activity.street_address,
                activity.postal_code,
                activity.city,
                activity.frequency,
                activity.schedule_note,
                activity.starts_on,
                activity.ends_on,
                activity.cost,
                activity.cost_note,
                activity.wheelchair_accessible,
                activity.accessibility,
                activity.capacity,
                activity.how_to_join,
                activity.contact_phone,
                activity.contact_email,
                activity.website,
                activity.week_against_loneliness,
                activity.status,
                activity.is_published,
                sorted(p.name for p in activity.providers.all()),
                sorted(g.group for g in activity.target_groups.all()),
                sorted((s.weekday, s.start_time, s.end_time) for s in activity.time_slots.all()),
            )
        )
    return result


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_round_trip_export_then_import_gives_the_same_activities(coordinator, file_format):
    source = coordinator.coalition
    make_activity(source, title="Koffieochtend")
    make_activity(
        source,
        title="=1+1 quiz",
        description="-geen streepje",
        contact_phone="+31 6 12345678",
        cost=None,
        wheelchair_accessible=None,
        is_published=False,
        status="paused",
        frequency="monthly",
        ends_on=datetime.date(2026, 12, 31),
        organiser="Bewonersgroep",
        postal_code="1234 AB",
        city="Dijkerveen",
    )
    plain = Activity.objects.create(
        coalition=source, title="Zonder veel", description="Kort", kind="other"
    )
    TimeSlot.objects.create(
        activity=plain, weekday=1, start_time=datetime.time(9, 30), end_time=datetime.time(10)
    )
    TimeSlot.objects.create(
        activity=plain, weekday=5, start_time=datetime.time(9, 30), end_time=datetime.time(10)
    )

    target_member = MembershipFactory(coordinator=True)
    target = target_member.coalition
    Neighbourhood.objects.create(coalition=target, name="Noord")
    for partner in source.partners.all():
        PartnerFactory(coalition=target, name=partner.name)

    headers, rows = exporting.activity_table(source)
    if file_format == "csv":
        content = spreadsheets.to_csv(headers, rows)
    else:
        content = spreadsheets.to_xlsx(headers, rows, "Activiteiten")
    batch = preview_import(target, content, f"export.{file_format}", acting_user=target_member.user)
    assert error_messages(batch) == []
    commit_import(batch, acting_user=target_member.user)
    assert fingerprint(target) == fingerprint(source)


def test_template_is_importable_as_it_is(coordinator):
    for content, name in (
        (spreadsheets.to_csv(*exporting.template_table()), "voorbeeld.csv"),
        (
            spreadsheets.to_xlsx(
                *exporting.template_table(),
                "Activiteiten",
                exporting.template_explanation(coordinator.coalition),
            ),
            "voorbeeld.xlsx",
        ),
    ):
        batch = preview_import(coordinator.coalition, content, name, acting_user=coordinator.user)
        assert error_messages(batch) == []
        assert batch.row_count == 1
        assert batch.rows[0]["values"]["title"] == "Koffieochtend in de buurt"

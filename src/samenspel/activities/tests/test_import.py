"""The import of activities from spreadsheets, and the bad-input corpus: each bad file, made here
in its real format, gives a clear Dutch message and leaves the database as it was."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from samenspel.activities.importing import (
    ImportRefused,
    commit_import,
    discard_import,
    error_messages,
    import_activities,
    preview_import,
    reading,
)
from samenspel.activities.models import (
    Activity,
    ActivityImport,
    ActivityTargetGroup,
    ImportStatus,
    TimeSlot,
)
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory

HEADER = "titel;omschrijving;soort;doelgroepen;wijk;dag(en);begintijd;eindtijd;kosten;aanbieder(s)"
GOOD = "Koffieochtend;Samen koffie drinken;Ontmoetingsplek;Ouderen, Iedereen;Noord;dinsdag;10:00;11:30;1,50;Welzijn Oost"


def csv_bytes(*lines: str, encoding: str = "utf-8-sig") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (
        Activity.objects.count(),
        ActivityTargetGroup.objects.count(),
        TimeSlot.objects.count(),
        Activity.providers.through.objects.count(),
    )


@pytest.fixture
def place(coalition):
    return Neighbourhood.objects.create(coalition=coalition, name="Noord", cbs_code="WK036301")


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Welzijn Oost")


@pytest.fixture
def setup(place, partner, coordinator):
    return coordinator


def preview(coordinator, data: bytes, name: str = "activiteiten.csv") -> ActivityImport:
    return preview_import(coordinator.coalition, data, name, acting_user=coordinator.user)


def refused(coordinator, data: bytes, name: str = "activiteiten.csv") -> str:
    """The message of a file refused as a whole; asserts nothing at all was stored."""
    before = (*counts(), ActivityImport.objects.count())
    with pytest.raises(ImportRefused) as caught:
        preview(coordinator, data, name)
    assert (*counts(), ActivityImport.objects.count()) == before
    return caught.value.messages[0]


def rejected_rows(coordinator, data: bytes, name: str = "activiteiten.csv") -> list[str]:
    """The row messages of a file with bad rows; asserts a commit stores nothing."""
    before = counts()
    batch = preview(coordinator, data, name)
    assert batch.error_count > 0
    with pytest.raises(ValidationError, match="hebben nog fouten"):
        commit_import(batch, acting_user=coordinator.user)
    assert counts() == before
    batch.refresh_from_db()
    assert batch.status == ImportStatus.PREVIEW
    return error_messages(batch)


# Reading what Dutch users save


def test_semicolon_csv_in_cp1252_with_dutch_values_is_read_and_committed(setup, place, partner):
    data = csv_bytes(
        HEADER + ";postcode;plaatsen;rolstoeltoegankelijk;week tegen eenzaamheid;startdatum",
        "Café Één €;Koffie met ë en é;ontmoetingsplek;ouderen;wk036301;ma, wo;9.30;11:00;€ 2,50;"
        "welzijn oost;1234ab;12;ja;ja;1-3-2026",
        encoding="cp1252",
    )
    batch = preview(setup, data)
    assert error_messages(batch) == []
    commit_import(batch, acting_user=setup.user)
    activity = Activity.objects.get()
    assert activity.title == "Café Één €"
    assert activity.description == "Koffie met ë en é"
    assert activity.neighbourhood == place
    assert list(activity.providers.all()) == [partner]
    assert activity.cost == Decimal("2.50")
    assert activity.postal_code == "1234 AB"
    assert activity.capacity == 12
    assert activity.wheelchair_accessible is True
    assert activity.week_against_loneliness is True
    assert activity.starts_on == datetime.date(2026, 3, 1)
    assert activity.checked_by == setup.user
    assert [g.group for g in activity.target_groups.all()] == ["older"]
    assert [(s.weekday, s.start_time, s.end_time) for s in activity.time_slots.all()] == [
        (1, datetime.time(9, 30), datetime.time(11, 0)),
        (3, datetime.time(9, 30), datetime.time(11, 0)),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_accents_and_euro_come_out_right_in_each_encoding(setup, encoding):
    batch = preview(
        setup, csv_bytes(HEADER, GOOD.replace("Koffieochtend", "Crème brûlée €"), encoding=encoding)
    )
    assert batch.rows[0]["values"]["title"] == "Crème brûlée €"


def test_headers_match_whatever_the_case_accents_or_spacing(setup):
    data = csv_bytes(
        " TITEL ;Omschrijving;Sóórt;Dag(en);BeginTijd;E-mail",
        "Yoga;Rustig;Sport en bewegen;vr;19:00;info@example.nl",
    )
    batch = preview(setup, data)
    assert error_messages(batch) == []
    values = batch.rows[0]["values"]
    assert values["kind"] == "sports"
    assert values["slots"] == [[5, "19:00", None]]
    assert values["contact_email"] == "info@example.nl"


def test_each_day_may_carry_its_own_times(setup):
    data = csv_bytes(
        "titel;omschrijving;soort;dag(en)",
        'Taalcafé;Samen Nederlands praten;leren;"ma 09:30-11:00, wo 14:00"',
    )
    batch = preview(setup, data)
    assert batch.rows[0]["values"]["slots"] == [[1, "09:30", "11:00"], [3, "14:00", None]]


def test_comma_separated_file_is_read_and_says_so(setup):
    data = csv_bytes(
        HEADER.replace(";", ","),
        '"Koffie","Samen","Ontmoetingsplek","Ouderen, Iedereen","Noord","di","10:00","11:00","2,50","Welzijn Oost"',
    )
    batch = preview(setup, data)
    assert error_messages(batch) == []
    assert batch.rows[0]["values"]["cost"] == "2.50"
    assert batch.rows[0]["values"]["groups"] == ["older", "everyone"]
    assert "gescheiden door een komma (,)" in batch.notes[0]


def test_xlsx_with_excel_date_time_and_number_cells(setup, place):
    data = xlsx_bytes(
        [
            [
                "Titel",
                "Omschrijving",
                "Soort",
                "Wijk",
                "Dag(en)",
                "Begintijd",
                "Kosten",
                "Plaatsen",
                "Startdatum",
                "Telefoon",
            ],
            [
                "Koor",
                "Samen zingen",
                "Cultuur en creativiteit",
                "Noord",
                "donderdag",
                datetime.time(19, 30),
                2.5,
                30,
                datetime.datetime(2026, 2, 1),
                "0612345678",
            ],
        ]
    )
    batch = preview(setup, data, "activiteiten.xlsx")
    assert error_messages(batch) == []
    values = batch.rows[0]["values"]
    assert values["cost"] == "2.50"
    assert values["capacity"] == 30
    assert values["starts_on"] == "2026-02-01"
    assert values["slots"] == [[4, "19:30", None]]
    assert values["neighbourhood"] == place.pk


def test_unknown_columns_are_skipped_with_a_note(setup):
    batch = preview(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;lievelingskleur", "Koor;Zingen;Cultuur en creativiteit;blauw"
        ),
    )
    assert batch.notes == [
        "Deze kolommen zijn niet herkend en worden overgeslagen: 'lievelingskleur'."
    ]


# The bad-input corpus: files refused as a whole


def test_empty_file(setup):
    assert refused(setup, b"") == "Het bestand is leeg."
    assert refused(setup, b"\xef\xbb\xbf\r\n\r\n") == "Het bestand is leeg."


def test_empty_xlsx(setup):
    assert refused(setup, xlsx_bytes([]), "leeg.xlsx") == "Het bestand is leeg."


def test_only_a_header(setup):
    message = refused(setup, csv_bytes(HEADER))
    assert message == "Het bestand heeft alleen een kopregel en geen activiteiten."
    assert refused(setup, xlsx_bytes([HEADER.split(";")]), "a.xlsx") == message


def test_wrong_delimiter_is_named(setup):
    message = refused(
        setup, csv_bytes("titel|omschrijving|soort", "Koor|Zingen|Cultuur en creativiteit")
    )
    assert "gescheiden door '|'" in message
    assert "Gebruik een puntkomma (;)" in message


def test_rows_with_another_delimiter_than_the_header(setup):
    messages = rejected_rows(
        setup, csv_bytes("titel;omschrijving;soort", "Koor,Zingen,Cultuur en creativiteit")
    )
    assert messages == [
        "Rij 2: de rij heeft maar één kolom; staan er andere scheidingstekens in dan in de kopregel?"
    ]


def test_utf16_is_refused_with_what_to_do(setup):
    message = refused(
        setup, ("titel\tomschrijving\tsoort\r\nKoor\tZingen\tCultuur\r\n").encode("utf-16")
    )
    assert message.startswith("Het bestand is opgeslagen als UTF-16")
    assert "CSV UTF-8" in message


def test_binary_garbage(setup):
    garbage = bytes(range(256)) * 8
    assert (
        refused(setup, garbage, "foto.csv")
        == "Dit is geen CSV- of Excelbestand (.xlsx) dat Samenspel kan lezen."
    )


def test_old_xls_and_broken_xlsx(setup):
    assert refused(
        setup, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "oud.xls"
    ).startswith("Oude Excelbestanden (.xls) kan Samenspel niet lezen.")
    assert "niet openen" in refused(setup, b"PK\x03\x04 kapot", "kapot.xlsx")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("titel;omschrijving", "De kolom 'soort' ontbreekt in de kopregel."),
        ("titel;wijk", "De kolommen 'omschrijving' en 'soort' ontbreken in de kopregel."),
        ("naam;beschrijving;soort;titel", "De kolom 'titel' staat twee keer in de kopregel."),
    ],
)
def test_missing_or_double_columns(setup, header, expected):
    message = refused(setup, csv_bytes(header, "a;b;c;d"))
    assert message.startswith(expected)


def test_fifty_thousand_rows_are_refused_without_reading_them_all(setup):
    lines = [HEADER] + [f"Activiteit {n};Samen;Anders;;;;;;;" for n in range(50_000)]
    message = refused(setup, csv_bytes(*lines))
    assert message == (
        "Het bestand heeft meer dan 20.000 rijen (lege rijen meegeteld). Splits het in bestanden van "
        "hoogstens 20.000 rijen en lees ze na elkaar in."
    )


def test_too_many_rows_in_xlsx_are_refused(setup, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 100)  # writing 50,000 rows of .xlsx is slow
    rows = [["titel", "omschrijving", "soort"]] + [[f"A{n}", "Samen", "Anders"] for n in range(101)]
    assert "meer dan 100 rijen" in refused(setup, xlsx_bytes(rows), "groot.xlsx")


def test_too_large_file(setup):
    data = b"titel;omschrijving;soort\r\n" + b"x" * (10 * 1024 * 1024)
    assert (
        refused(setup, data) == "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."
    )


# The bad-input corpus: rows with errors at their row and column


def test_unknown_wijk_kind_partner_and_target_group(setup):
    messages = rejected_rows(
        setup, csv_bytes(HEADER, "Koor;Zingen;Zangles;Bejaarden;Zuid;;;;;Stichting Onbekend")
    )
    assert messages[0].startswith(
        "Rij 2, kolom 'soort': 'Zangles' is geen bekende soort. Kies uit: Ontmoetingsplek,"
    )
    assert messages[1].startswith(
        "Rij 2, kolom 'doelgroepen': 'Bejaarden' is geen bekende doelgroep."
    )
    assert messages[2] == "Rij 2, kolom 'wijk': 'Zuid' is geen wijk of kern van deze coalitie."
    assert (
        messages[3]
        == "Rij 2, kolom 'aanbieder(s)': 'Stichting Onbekend' is geen partner van deze coalitie."
    )


def test_another_coalitions_wijk_and_partner_are_unknown(setup):
    other = CoalitionFactory()
    Neighbourhood.objects.create(coalition=other, name="Zuid")
    PartnerFactory(coalition=other, name="Buurtzorg Zuid")
    messages = rejected_rows(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;wijk;aanbieder(s)", "Koor;Zingen;Anders;Zuid;Buurtzorg Zuid"
        ),
    )
    assert messages == [
        "Rij 2, kolom 'wijk': 'Zuid' is geen wijk of kern van deze coalitie.",
        "Rij 2, kolom 'aanbieder(s)': 'Buurtzorg Zuid' is geen partner van deze coalitie.",
    ]


def test_impossible_and_malformed_dates(setup):
    messages = rejected_rows(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;startdatum;einddatum",
            "Koor;Zingen;Anders;31-02-2026;2026/13/45",
            "Dans;Dansen;Anders;10-03-2026;01-03-2026",
        ),
    )
    assert messages == [
        "Rij 2, kolom 'startdatum': '31-02-2026' is geen bestaande datum.",
        "Rij 2, kolom 'einddatum': '2026/13/45' is geen datum; schrijf die als dd-mm-jjjj, "
        "bijvoorbeeld 15-03-2026.",
        "Rij 3, kolom 'einddatum': De einddatum ligt vóór de startdatum.",
    ]


def test_text_in_number_columns(setup):
    messages = rejected_rows(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;kosten;plaatsen;begintijd;dag(en);rolstoeltoegankelijk",
            "Koor;Zingen;Anders;twee euro;twintig;half tien;ma;misschien",
        ),
    )
    assert messages == [
        "Rij 2, kolom 'kosten': 'twee euro' is geen bedrag; schrijf bijvoorbeeld 2,50, of 0 voor gratis.",
        "Rij 2, kolom 'plaatsen': 'twintig' is geen heel getal.",
        "Rij 2, kolom 'rolstoeltoegankelijk': 'misschien' is geen ja of nee.",
        "Rij 2, kolom 'begintijd': 'half tien' is geen tijd; schrijf die als uu:mm, bijvoorbeeld 09:30.",
    ]


def test_text_in_number_cells_of_xlsx(setup):
    data = xlsx_bytes(
        [["titel", "omschrijving", "soort", "plaatsen"], ["Koor", "Zingen", "Anders", "veel"]]
    )
    assert rejected_rows(setup, data, "a.xlsx") == [
        "Rij 2, kolom 'plaatsen': 'veel' is geen heel getal."
    ]


def test_required_values_negative_cost_and_times(setup):
    messages = rejected_rows(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;kosten;dag(en);begintijd;eindtijd",
            ";Zingen;Anders;-3;di;14:00;13:00",
            "Koor;Zingen;Anders;;;10:00;",
        ),
    )
    assert messages == [
        "Rij 2, kolom 'titel': dit veld is verplicht.",
        "Rij 2, kolom 'kosten': De kosten kunnen niet negatief zijn.",
        "Rij 2, kolom 'eindtijd': De eindtijd ligt vóór de begintijd.",
        "Rij 3, kolom 'dag(en)': vul ook de dag of dagen in bij de begintijd.",
    ]


def test_row_numbers_are_those_of_the_spreadsheet(setup):
    data = csv_bytes("titel;omschrijving;soort", "Koor;Zingen;Anders", ";;", "Dans;Dansen;Fout")
    assert rejected_rows(setup, data)[0].startswith("Rij 4, kolom 'soort': 'Fout'")


def test_formula_in_a_title_is_refused_in_csv_and_xlsx(setup):
    formula = '=HYPERLINK("http://example.com","Klik")'
    csv_messages = rejected_rows(
        setup,
        csv_bytes(
            "titel;omschrijving;soort", f'"{formula.replace(chr(34), chr(34) * 2)}";Zingen;Anders'
        ),
    )
    xlsx_messages = rejected_rows(
        setup,
        xlsx_bytes([["titel", "omschrijving", "soort"], [formula, "Zingen", "Anders"]]),
        "a.xlsx",
    )
    expected = (
        f"Rij 2, kolom 'titel': '{formula}' is een formule. Zet er de tekst zelf in; moet de "
        "tekst echt met = beginnen, zet er dan een apostrof (') voor."
    )
    assert csv_messages == [expected]
    assert xlsx_messages == [expected]


def test_apostrophe_marks_text_that_looks_like_a_formula(setup):
    batch = preview(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;telefoon", "'=1+1 is twee;'-mee doen;Anders;'+31 6 12345678"
        ),
    )
    assert error_messages(batch) == []
    values = batch.rows[0]["values"]
    assert (values["title"], values["description"], values["contact_phone"]) == (
        "=1+1 is twee",
        "-mee doen",
        "+31 6 12345678",
    )


# Commit, discard, all or nothing


def test_commit_creates_everything_at_once_and_is_audited(setup, place, partner):
    lines = [HEADER] + [GOOD.replace("Koffieochtend", f"Koffie {n}") for n in range(30)]
    batch = preview(setup, csv_bytes(*lines))
    before = counts()
    batch = commit_import(batch, acting_user=setup.user)
    assert counts() == (before[0] + 30, before[1] + 60, before[2] + 30, before[3] + 30)
    assert batch.status == ImportStatus.COMMITTED
    assert batch.created_count == 30
    assert batch.rows == []
    event = AuditEvent.objects.get(action="activities.imported")
    assert event.object_label == "activiteiten.csv"
    assert event.changes["fields"]["created_count"] == {"old": 0, "new": 30}
    assert event.changes["fields"]["rows"] == {"changed": True}
    assert event.object_uuid == batch.uuid
    with pytest.raises(ValidationError, match="al ingelezen"):
        commit_import(batch, acting_user=setup.user)
    assert counts()[0] == before[0] + 30


def test_commit_uses_bulk_inserts_not_a_query_per_row(setup):
    def commit(n: int) -> int:
        lines = [HEADER] + [GOOD.replace("Koffieochtend", f"Koffie {n}-{i}") for i in range(n)]
        batch = preview(setup, csv_bytes(*lines))
        with CaptureQueriesContext(connection) as context:
            commit_import(batch, acting_user=setup.user)
        return len(context)

    # Within one insert batch (SQLite allows 999 parameters: 33 activities) the count is equal;
    # beyond it, one more insert per batch.
    assert commit(3) == commit(30)
    assert commit(400) < 30


def test_a_wijk_deleted_after_the_preview_stops_the_commit(setup, place):
    batch = preview(setup, csv_bytes(HEADER, GOOD))
    place.delete()
    before = counts()
    with pytest.raises(ValidationError, match="wijk of partner uit het bestand verwijderd"):
        commit_import(batch, acting_user=setup.user)
    assert counts() == before


def test_discard_stores_nothing(setup):
    batch = preview(setup, csv_bytes(HEADER, GOOD))
    before = counts()
    batch = discard_import(batch, acting_user=setup.user)
    assert batch.status == ImportStatus.DISCARDED
    assert counts() == before
    with pytest.raises(ValidationError, match="weggegooid"):
        commit_import(batch, acting_user=setup.user)


def test_import_activities_in_one_call(setup):
    batch = import_activities(
        setup.coalition, io.BytesIO(csv_bytes(HEADER, GOOD)), "a.csv", setup.user
    )
    assert batch.created_count == 1
    assert Activity.objects.filter(coalition=setup.coalition).count() == 1


def test_import_activities_with_a_bad_row_stores_nothing_not_even_the_preview(setup):
    before = (*counts(), ActivityImport.objects.count())
    with pytest.raises(ValidationError) as caught:
        import_activities(
            setup.coalition,
            csv_bytes(HEADER, GOOD, GOOD.replace("Ontmoetingsplek", "?")),
            "a.csv",
            setup.user,
        )
    assert caught.value.messages[0].startswith("Rij 3, kolom 'soort'")
    assert (*counts(), ActivityImport.objects.count()) == before


def test_providers_whose_names_contain_a_comma_are_recognised(setup, partner):
    municipal = PartnerFactory(coalition=partner.coalition, name="Gemeente Akdijk, wijkregie")
    batch = preview(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;aanbieders",
            "Koffie;Samen koffie;Ontmoetingsplek;Gemeente Akdijk, wijkregie, Welzijn Oost",
            "Thee;Samen thee;Ontmoetingsplek;Welzijn Oost, Onbekend, wijkregie",
        ),
    )
    messages = error_messages(batch)
    assert messages == [
        "Rij 3, kolom 'aanbieders': 'Onbekend' en 'wijkregie' zijn geen partners van deze coalitie."
    ]
    assert batch.rows[0]["values"]["providers"] == [municipal.pk, partner.pk]


def test_english_day_names_are_read_too(setup):
    batch = preview(
        setup,
        csv_bytes(
            "titel;omschrijving;soort;dagen",
            "Koffie;Samen koffie;Ontmoetingsplek;Monday 10:00-12:00, wed 14:00-16:00",
            "Thee;Samen thee;Ontmoetingsplek;Monday",
        ),
    )
    # A day without a time, in a file without the start-time column: named as the template does.
    assert error_messages(batch) == [
        "Rij 3, kolom 'begintijd': vul een begintijd in, of zet de tijden bij de dag "
        "(ma 09:30-11:00)."
    ]
    assert [slot[0] for slot in batch.rows[0]["values"]["slots"]] == [1, 3]

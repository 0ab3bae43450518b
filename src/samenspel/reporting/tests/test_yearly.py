"""The yearly evaluation report: per pillar for a chosen year, as a page, a PDF and data."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.core.testing import pdf_text
from samenspel.monitoring.tests.factories import activity
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.reporting.models import ReportSection
from samenspel.reporting.yearly import build_report, report_rows

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost", start_date=datetime.date(2024, 3, 1))


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


def indicator(report, key):
    return next(i for s in report.sections for i, _bar in s.indicators if i.key == key)


def test_a_past_year_covers_that_calendar_year(coalition):
    PartnerFactory(coalition=coalition, name="Bibliotheek", joined_on=datetime.date(2025, 4, 2))
    PartnerFactory(
        coalition=coalition,
        name="Huisartsen",
        joined_on=datetime.date(2024, 3, 1),
        left_on=datetime.date(2025, 10, 1),
    )
    activity(
        coalition,
        None,
        reach=((datetime.date(2025, 6, 30), 10, 5), (datetime.date(2026, 2, 28), 40, 0)),
    )
    report = build_report(coalition, 2025, TODAY)
    assert (report.period.start, report.period.end) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    assert indicator(report, "reach").value == 15
    assert indicator(report, "partners").value == 1  # on 31 December 2025
    network = next(s for s in report.sections if s.pillar == "strong_network")
    assert [h.text for h in network.happened] == ["Bibliotheek sloot aan", "Huisartsen vertrok"]


def test_this_year_runs_until_today(coalition):
    report = build_report(coalition, 2026, TODAY)
    assert report.period.end == TODAY
    assert [s.pillar for s in report.sections] == [
        "administrative_commitment",
        "strong_network",
        "involve_residents",
        "sustainable_approach",
        "monitoring_evaluation",
    ]
    headers, rows = report_rows(report)
    assert headers[:3] == ["Jaar", "Pijler", "Indicator (sleutel)"]
    assert {row[2] for row in rows} >= {"reach", "partners", "funding_running"}


def test_the_coalition_writes_conclusions_per_pillar(coalition, coordinator):
    url = reverse("reporting:report_section", args=[coalition.uuid, 2025, "strong_network"])
    response = client_for(coordinator).post(
        url, {"conclusions": "Het netwerk groeide.", "next_steps": "De GGD erbij halen."}
    )
    assert response.status_code == 302
    section = ReportSection.objects.of_coalition(coalition).get()
    assert (section.year, section.pillar) == (2025, "strong_network")
    assert AuditEvent.objects.of_coalition(coalition).filter(action="report_section.saved").exists()
    page = client_for(coordinator).get(
        reverse("reporting:year_report", args=[coalition.uuid, 2025])
    )
    assert "De GGD erbij halen." in page.content.decode()


def test_unknown_years_and_pillars_are_not_found(coalition, coordinator):
    client = client_for(coordinator)
    assert (
        client.get(reverse("reporting:year_report", args=[coalition.uuid, 2023])).status_code == 404
    )
    assert (
        client.get(reverse("reporting:year_report", args=[coalition.uuid, 2027])).status_code == 404
    )
    url = reverse("reporting:report_section", args=[coalition.uuid, 2025, "money"])
    assert client.get(url).status_code == 404


def test_readers_read_the_report_but_do_not_write_it(coalition):
    reader = MembershipFactory(coalition=coalition, read_only=True).user
    client = client_for(reader)
    assert (
        client.get(reverse("reporting:year_report", args=[coalition.uuid, 2026])).status_code == 200
    )
    url = reverse("reporting:report_section", args=[coalition.uuid, 2026, "strong_network"])
    assert client.post(url, {"conclusions": "x"}).status_code == 403


def test_the_data_files(coalition, coordinator):
    client = client_for(coordinator)

    def file(fmt):
        return client.get(reverse("reporting:year_report_file", args=[coalition.uuid, 2026, fmt]))

    data = json.loads(file("json").content)
    assert data["year"] == 2026
    assert data["pillars"][0]["pillar"] == "administrative_commitment"
    indicators = {i["key"]: i for p in data["pillars"] for i in p["indicators"]}
    assert "reach" in indicators
    # No signals: the count is hidden as a small number, not missing.
    assert indicators["signals"]["value"] is None
    assert indicators["signals"]["hidden"] is True
    csv = file("csv").content.decode("utf-8-sig")
    assert csv.startswith("Jaar;Pijler;")
    assert "Signalen ontvangen;;;waarde, vorige periode;count" in csv
    sheet = load_workbook(io.BytesIO(file("xlsx").content)).active
    assert next(sheet.iter_rows(values_only=True))[0] == "Jaar"
    assert file("doc").status_code == 404


def test_the_pdf_draws_each_bar_as_a_tagged_image_with_its_numbers(coalition, coordinator):
    PartnerFactory(coalition=coalition, joined_on=datetime.date(2024, 3, 1))
    url = reverse("reporting:year_report_file", args=[coalition.uuid, 2026, "pdf"])
    response = client_for(coordinator).get(url)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert b"/StructTreeRoot" in text
    assert b"/Figure" in text
    # The alt text of the partners' bars: this year's number and the year before's.
    assert b"Balkjes: 2026 1, periode ervoor 1" in text

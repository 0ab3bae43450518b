"""Exports of partners, members, actions, decisions and funding: Dutch CSV and real .xlsx,
formula-like text neutralised, members only for who manages them (and logged), one query each."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities.tests.test_export import read_csv
from samenspel.core.models import ReadEvent
from samenspel.funding.models import FundingSource
from samenspel.meetings import services as meetings
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


def url(coalition, table, fmt):
    return reverse("work:export", args=[coalition.uuid, table, fmt])


@pytest.fixture
def data(coalition, coordinator):
    library = PartnerFactory(coalition=coalition, name="=Bibliotheek", kind="library")
    meeting = MeetingFactory(coalition=coalition, title="Kerngroep")
    meetings.record_decision(meeting, acting_user=coordinator.user, text="Koffie voor iedereen.")
    ActionItemFactory(meeting=meeting, text="Flyers", owner_partner=library, owner_name="Fatima")
    FundingSource.objects.create(
        coalition=coalition,
        kind="fund",
        funder_name="Fonds Samen",
        amount=Decimal("1500.50"),
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    return library


def test_each_table_as_dutch_csv(reader_client, coalition, data):
    partners = read_csv(reader_client.get(url(coalition, "partners", "csv")).content)
    assert partners[0][:3] == ["naam", "soort", "cirkel"]
    assert partners[1][0] == "'=Bibliotheek"  # never a formula
    decisions = read_csv(reader_client.get(url(coalition, "besluiten", "csv")).content)
    assert decisions[1][1:] == ["Kerngroep", "1", "Koffie voor iedereen."]
    assert decisions[1][0] == "14-01-2027"
    actions = read_csv(reader_client.get(url(coalition, "actiepunten", "csv")).content)
    assert actions[1][:3] == ["Flyers", "Fatima", "'=Bibliotheek"]
    funding = read_csv(reader_client.get(url(coalition, "financiering", "csv")).content)
    assert funding[1] == ["Fonds", "Fonds Samen", "", "1500,50", "01-01-2026", "31-12-2026"]


def test_xlsx_keeps_types(reader_client, coalition, data):
    response = reader_client.get(url(coalition, "financiering", "xlsx"))
    assert response["Content-Disposition"].endswith('-financiering.xlsx"')
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "soort"
    assert rows[1][3] == 1500.5
    assert rows[1][4] == datetime.datetime(2026, 1, 1)


def test_members_only_for_who_manages_them_and_the_download_is_logged(
    reader_client, coordinator_client, coordinator, coalition, data
):
    assert reader_client.get(url(coalition, "leden", "csv")).status_code == 403
    assert (
        "leden"
        not in reader_client.get(reverse("work:exports", args=[coalition.uuid])).content.decode()
    )
    members = read_csv(coordinator_client.get(url(coalition, "leden", "csv")).content)
    assert [coordinator.user.email] == [row[1] for row in members[1:] if row[2] == "Coördinator"]
    event = ReadEvent.objects.using("audit").get()
    assert (event.actor_id, event.purpose) == (coordinator.user.pk, "export: leden")


def test_unknown_tables_formats_and_outsiders_get_404(coordinator_client, coalition, data):
    assert coordinator_client.get(url(coalition, "geheim", "csv")).status_code == 404
    assert coordinator_client.get(url(coalition, "partners", "pdf")).status_code == 404
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(url(coalition, "partners", "csv")).status_code == 404


def test_an_export_reads_the_same_queries_for_few_or_many_rows(
    coordinator_client, coordinator, coalition, data
):
    def count(table):
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_client.get(url(coalition, table, "xlsx")).status_code == 200
        return len(captured)

    tables = ("partners", "leden", "actiepunten", "besluiten", "financiering")
    few = {table: count(table) for table in tables}
    meeting = MeetingFactory(coalition=coalition)
    for n in range(10):
        partner = PartnerFactory(coalition=coalition, name=f"Partner {n}")
        MembershipFactory(coalition=coalition, partner_member=True, partner=partner)
        ActionItemFactory(meeting=meeting, owner_partner=partner)
        meetings.record_decision(meeting, acting_user=coordinator.user, text=f"Besluit {n}")
    assert {table: count(table) for table in tables} == few

"""Sortable tables: a whitelist of columns by query parameter, the same number of queries in
every order, aria-sort on the column, and empty values last."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities.tests.test_activities import make_activity
from samenspel.agreements.tests.factories import PartnerAgreementFactory
from samenspel.coalitions.models import Neighbourhood
from samenspel.core.links import coalition_url
from samenspel.core.sorting import RowSorting
from samenspel.funding.models import FundingSource
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.signals.selectors import SORTING as SIGNAL_SORTING
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    setup_signals,
    verified_client_for,
)
from samenspel.signals.workflow import Status, Urgency

ROWS = [{"name": "b", "due": 2}, {"name": "a", "due": None}, {"name": "c", "due": 1}]
SORTING = RowSorting(
    columns={"naam": lambda row: row["name"], "uiterlijk": lambda row: row["due"]},
    default="naam",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("", ["a", "b", "c"]),
        ("naam", ["a", "b", "c"]),
        ("-naam", ["c", "b", "a"]),
        ("uiterlijk", ["c", "b", "a"]),  # the empty deadline last ...
        ("-uiterlijk", ["b", "c", "a"]),  # ... in both directions
        ("name", ["a", "b", "c"]),  # not a column: the default
    ],
)
def test_rows_sort_by_a_whitelisted_column_with_empty_values_last(asked, expected):
    rows, sort = SORTING.apply(ROWS, QueryDict(f"sorteer={asked}&zoek=x&pagina=3"))
    assert [row["name"] for row in rows] == expected
    # The pagination keeps the filters and an order asked for, never the page.
    assert sort.page_query() == ("zoek=x" if asked in ("", "name") else f"zoek=x&sorteer={asked}")


def test_a_descending_default_links_to_ascending_first():
    sorting = RowSorting(
        columns={"datum": lambda row: row}, default="datum", default_descending=True
    )
    rows, sort = sorting.apply([1, 3, 2], QueryDict(""))
    assert rows == [3, 2, 1]
    assert sort.direction("datum") == "descending"
    assert sort.link("datum") == "?sorteer=datum"


def fill(coalition):
    partners = [PartnerFactory(coalition=coalition, name=name) for name in ("Bieb", "Anbo", "Zon")]
    for number, partner in enumerate(partners, 1):
        PartnerAgreementFactory(coalition=coalition, partner=partner, money=number * 100)
        MembershipFactory(coalition=coalition, partner=partner, partner_member=True)
        make_activity(coalition, title=f"Activiteit {number}", providers=[partner])
        FundingSource.objects.create(
            coalition=coalition,
            kind="fund",
            funder_name=f"Fonds {number}",
            amount=Decimal(number * 1000),
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 1, number),
        )
        meeting = MeetingFactory(
            coalition=coalition, starts_at=datetime.datetime(2020, 1, number, tzinfo=datetime.UTC)
        )
        ActionItemFactory(meeting=meeting, due_on=datetime.date(2030, 1, number))


# Each page with its sortable columns, the first being the default order.
PAGES = {
    "activities:list": ("titel", "wijk", "status", "gecontroleerd"),
    "members:list": ("naam", "email", "partner"),
    "meetings:actions": ("uiterlijk", "overleg"),
    "meetings:list": ("datum", "overleg", "orgaan", "besluiten", "acties"),
    "agreements:list": ("partner", "uren", "geld", "evaluatie"),
    "funding:overview": ("einddatum", "financier", "bedrag"),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("view_name", "columns"), PAGES.items())
def test_every_order_of_a_table_costs_the_same_queries(
    view_name, columns, coordinator_client, coalition
):
    fill(coalition)
    url = coalition_url(view_name, coalition.uuid)
    with CaptureQueriesContext(connection) as default:
        html = coordinator_client.get(url).content.decode()
    assert html.count("aria-sort=") == len(columns)
    assert 'aria-sort="ascending"' in html or 'aria-sort="descending"' in html
    for key in columns:
        for asked in (key, f"-{key}"):
            with CaptureQueriesContext(connection) as sorted_:
                response = coordinator_client.get(url, {"sorteer": asked})
            assert response.status_code == 200
            assert response.context["sort"].key == key
            assert len(sorted_) == len(default), (view_name, asked)
            expected = "descending" if asked.startswith("-") else "ascending"
            assert f'aria-sort="{expected}"' in response.content.decode()


@pytest.mark.django_db
def test_the_agreements_sort_by_money_descending(coordinator_client, coalition):
    fill(coalition)
    url = coalition_url("agreements:list", coalition.uuid)
    response = coordinator_client.get(url, {"sorteer": "-geld"})
    assert [row.partner.name for row in response.context["page"]] == ["Zon", "Anbo", "Bieb"]


SIGNAL_COLUMNS = ("termijn", "status", "urgentie", "wijk", "ontvangen")


@pytest.mark.django_db(databases=["default", "audit"])
def test_every_order_of_the_signals_list_costs_the_same_queries_and_names_no_resident():
    assert tuple(SIGNAL_SORTING.columns) == SIGNAL_COLUMNS
    scene = setup_signals()
    north = Neighbourhood.objects.create(coalition=scene.coalition, name="Noord")
    today = datetime.date.today()
    fields = [
        {"status": Status.CLOSED, "neighbourhood": north},
        {"deadline": today + datetime.timedelta(days=9), "urgency": Urgency.URGENT},
        {"status": Status.IN_TRIAGE, "deadline": today + datetime.timedelta(days=2)},
    ]
    signals = [SignalFactory(coalition=scene.coalition, intake=scene.intake, **f) for f in fields]
    closed, urgent, triage = signals
    client = verified_client_for(scene.intake_member.user)
    url = coalition_url("signals:home", scene.coalition.uuid)
    with CaptureQueriesContext(connection) as default:
        html = client.get(url).content.decode()
    assert html.count("aria-sort=") == len(SIGNAL_COLUMNS)
    assert 'aria-sort="ascending"' in html
    orders = {}
    for key in SIGNAL_COLUMNS:
        for asked in (key, f"-{key}"):
            with CaptureQueriesContext(connection) as sorted_:
                response = client.get(url, {"sorteer": asked})
            assert response.status_code == 200
            assert response.context["sort"].key == key
            assert len(sorted_) == len(default), asked
            text = response.content.decode()
            expected = "descending" if asked.startswith("-") else "ascending"
            assert f'aria-sort="{expected}"' in text
            assert RESIDENT["resident_name"] not in text
            orders[asked] = [row.uuid for row in response.context["page"]]
    # The first deadline first; a closed signal (no deadline) last both ways.
    assert orders["termijn"] == [triage.uuid, urgent.uuid, closed.uuid]
    assert orders["-termijn"] == [urgent.uuid, triage.uuid, closed.uuid]
    # Statuses in the order of the steps, not of the alphabet.
    assert orders["status"] == [urgent.uuid, triage.uuid, closed.uuid]
    assert orders["-urgentie"][0] == urgent.uuid
    # Only one signal has a neighbourhood: first in both directions (empty values last).
    assert orders["wijk"][0] == orders["-wijk"][0] == closed.uuid

"""Funding sources: rules with Dutch messages, the overview, pages, permissions and reminders."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.funding import services
from samenspel.funding.models import FundingSource
from samenspel.funding.money import euro
from samenspel.funding.overview import build_overview, per_year
from samenspel.funding.reminders import funding_ends_without_plan
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost")


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True, user__email="coo@oost.nl").user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True).user


def make(coalition, user, **fields):
    values = {
        "kind": "municipal_subsidy",
        "funder_name": "Gemeente Oost",
        "amount": Decimal("12500.00"),
        "start_date": datetime.date(2026, 1, 1),
        "end_date": datetime.date(2027, 6, 30),
        "carries_activities": True,
        "continuity_plan": "",
        **fields,
    }
    return services.create_source(coalition, acting_user=user, **values)


def form_data(**fields):
    return {
        "kind": "fund",
        "funder_name": "Oranje Fonds",
        "funder_partner": "",
        "amount": "5000",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
        "conditions": "",
        "continuity_plan": "",
        **fields,
    }


# --- rules ----------------------------------------------------------------------------------------


def test_a_source_is_saved_with_an_audit_record(coalition, coordinator):
    source = make(coalition, coordinator, continuity_plan="  Eigen middelen vanaf 2028  ")
    assert source.continuity_plan == "Eigen middelen vanaf 2028"
    event = AuditEvent.objects.get(action="funding.created")
    assert event.object_uuid == source.uuid
    assert event.changes["fields"]["amount"] == {"old": None, "new": "12500.00"}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"amount": Decimal("-1")}, "amount", "Een bedrag kan niet negatief zijn."),
        (
            {"end_date": datetime.date(2025, 12, 31)},
            "end_date",
            "De einddatum ligt vóór de startdatum.",
        ),
        ({"funder_name": "  "}, "funder_name", "Vul de naam van de financier in"),
    ],
)
def test_bad_input_gets_a_dutch_message_at_the_field_and_nothing_is_saved(
    coalition, coordinator, fields, field, message
):
    with pytest.raises(ValidationError) as error:
        make(coalition, coordinator, **fields)
    assert any(message in text for text in error.value.message_dict[field])
    assert not FundingSource.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="funding.").exists()


def test_the_funder_partner_must_belong_to_this_coalition(coalition, coordinator):
    foreign = PartnerFactory(name="Elders")
    with pytest.raises(ValidationError) as error:
        make(coalition, coordinator, funder_name="", funder_partner=foreign)
    assert error.value.message_dict["funder_partner"] == [
        "Deze partner hoort niet bij deze coalitie."
    ]
    assert not FundingSource.objects.exists()


def test_a_partner_of_the_coalition_can_be_the_funder(coalition, coordinator):
    partner = PartnerFactory(coalition=coalition, name="Woonstichting")
    source = make(coalition, coordinator, funder_name="", funder_partner=partner, kind="in_kind")
    assert source.funder == "Woonstichting"


def test_an_update_that_breaks_a_rule_leaves_the_source_as_it_was(coalition, coordinator):
    source = make(coalition, coordinator)
    with pytest.raises(ValidationError):
        services.update_source(source, acting_user=coordinator, amount=Decimal("-5"))
    source.refresh_from_db()
    assert source.amount == Decimal("12500.00")
    assert not AuditEvent.objects.filter(action="funding.updated").exists()


# --- the overview ---------------------------------------------------------------------------------


def source(**fields) -> FundingSource:
    values = {
        "kind": "municipal_subsidy",
        "funder_name": "Gemeente",
        "amount": Decimal("1000.00"),
        "start_date": datetime.date(2026, 1, 1),
        "end_date": None,
        "carries_activities": False,
        "continuity_plan": "",
        **fields,
    }
    return FundingSource(**values)


def test_totals_per_kind_and_per_year():
    sources = [
        source(amount=Decimal("1000.00")),
        source(amount=Decimal("500.00"), kind="fund", funder_name="Fonds"),
        source(
            amount=Decimal("730.00"),
            kind="fund",
            funder_name="Fonds 2",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
        ),
    ]
    overview = build_overview(sources, TODAY)
    assert [(t.kind, t.amount, t.count) for t in overview.by_kind] == [
        ("municipal_subsidy", Decimal("1000.00"), 1),
        ("fund", Decimal("1230.00"), 2),
    ]
    assert overview.total == Decimal("2230.00")
    assert overview.by_year == [(2026, Decimal("1865.00")), (2027, Decimal("365.00"))]


def test_spread_over_years_adds_up_to_the_amount():
    shares = per_year(
        source(
            amount=Decimal("1000.00"),
            start_date=datetime.date(2026, 3, 17),
            end_date=datetime.date(2028, 8, 2),
        )
    )
    assert sorted(shares) == [2026, 2027, 2028]
    assert sum(shares.values()) == Decimal("1000.00")


def test_what_runs_out_when_is_ordered_soonest_first():
    sources = [
        source(funder_name="B", end_date=datetime.date(2027, 3, 1)),
        source(funder_name="Doorlopend"),
        source(funder_name="A", end_date=datetime.date(2026, 12, 31)),
        source(funder_name="Oud", end_date=datetime.date(2026, 6, 30)),
    ]
    overview = build_overview(sources, TODAY)
    assert [row.source.funder for row in overview.runs_out] == ["Oud", "A", "B"]
    assert [row.ended for row in overview.runs_out] == [True, False, False]
    assert [s.funder for s in overview.open_ended] == ["Doorlopend"]
    assert len(overview.timeline.bars) == 2  # the ended source is in the table only


@pytest.mark.parametrize(
    ("end_date", "fields", "warned"),
    [
        (datetime.date(2027, 11, 23), {}, True),  # exactly twelve months ahead
        (datetime.date(2027, 11, 24), {}, False),  # a day further
        (TODAY, {}, True),
        (datetime.date(2026, 11, 22), {}, False),  # already ended
        (datetime.date(2027, 1, 1), {"continuity_plan": "Eigen middelen"}, False),
        (datetime.date(2027, 1, 1), {"carries_activities": False}, False),
    ],
)
def test_warning_at_the_twelve_month_boundary(end_date, fields, warned):
    values = {"carries_activities": True, "end_date": end_date, **fields}
    overview = build_overview([source(**values)], TODAY)
    assert bool(overview.warnings) is warned


def test_amounts_are_written_the_dutch_way():
    assert euro(Decimal("12500")) == "€\u00a012.500,00"
    assert euro(Decimal("1234567.5")) == "€\u00a01.234.567,50"


# --- pages and permissions ------------------------------------------------------------------------


def test_the_overview_shows_sources_totals_and_the_warning(coalition, coordinator):
    make(coalition, coordinator, end_date=datetime.date(2027, 6, 30))
    response = client_for(coordinator).get(reverse("funding:overview", args=[coalition.uuid]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "€\u00a012.500,00" in html
    assert "Dilemma: subsidie nodig of niet?" in html
    assert 'role="img"' in html


def test_no_warning_when_the_plan_is_there(coalition, coordinator):
    make(coalition, coordinator, continuity_plan="Gemeente neemt het over in de begroting")
    response = client_for(coordinator).get(reverse("funding:overview", args=[coalition.uuid]))
    assert "waarschuwing-kop" not in response.content.decode()


def test_adding_through_the_form(coalition, coordinator):
    url = reverse("funding:create", args=[coalition.uuid])
    response = client_for(coordinator).post(url, form_data())
    assert response.status_code == 302
    assert FundingSource.objects.get().funder_name == "Oranje Fonds"


def test_the_form_shows_the_dutch_message_and_saves_nothing(coalition, coordinator):
    url = reverse("funding:create", args=[coalition.uuid])
    response = client_for(coordinator).post(url, form_data(amount="-10", end_date="2025-01-01"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["amount"] == ["Een bedrag kan niet negatief zijn."]
    assert form.errors["end_date"] == ["De einddatum ligt vóór de startdatum."]
    assert not FundingSource.objects.exists()


def test_editing_and_deleting(coalition, coordinator):
    existing = make(coalition, coordinator)
    client = client_for(coordinator)
    edit = reverse("funding:edit", args=[coalition.uuid, existing.uuid])
    assert client.post(edit, form_data(funder_name="Nieuw fonds")).status_code == 302
    existing.refresh_from_db()
    assert existing.funder_name == "Nieuw fonds"
    delete = reverse("funding:delete", args=[coalition.uuid, existing.uuid])
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not FundingSource.objects.exists()
    assert AuditEvent.objects.filter(action="funding.deleted").exists()


def test_read_only_members_see_but_cannot_write(coalition, coordinator, reader):
    existing = make(coalition, coordinator)
    client = client_for(reader)
    assert client.get(reverse("funding:overview", args=[coalition.uuid])).status_code == 200
    for url in (
        reverse("funding:create", args=[coalition.uuid]),
        reverse("funding:edit", args=[coalition.uuid, existing.uuid]),
        reverse("funding:delete", args=[coalition.uuid, existing.uuid]),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, form_data()).status_code == 403
    assert FundingSource.objects.count() == 1


def test_an_outsider_gets_404(coalition, coordinator, outsider):
    existing = make(coalition, coordinator)
    client = client_for(outsider)
    assert client.get(reverse("funding:overview", args=[coalition.uuid])).status_code == 404
    url = reverse("funding:edit", args=[coalition.uuid, existing.uuid])
    assert client.post(url, form_data()).status_code == 404


def test_another_coalitions_source_is_not_found_in_my_coalition(coalition, coordinator, outsider):
    existing = make(coalition, coordinator)
    mine = outsider.memberships.get().coalition
    url = reverse("funding:edit", args=[mine.uuid, existing.uuid])
    assert client_for(outsider).get(url).status_code == 404


def overview_queries(coalition, user) -> int:
    client = client_for(user)
    url = reverse("funding:overview", args=[coalition.uuid])
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_overview_takes_a_constant_number_of_queries(coordinator):
    small, large = CoalitionFactory(), CoalitionFactory()
    for target, n in ((small, 3), (large, 30)):
        MembershipFactory(coalition=target, user=coordinator, coordinator=True)
        partner = PartnerFactory(coalition=target)
        for i in range(n):
            make(
                target,
                coordinator,
                funder_name="" if i % 2 else f"Fonds {i}",
                funder_partner=partner if i % 2 else None,
                end_date=datetime.date(2027, 1, 1) + datetime.timedelta(days=i),
            )
    assert overview_queries(small, coordinator) == overview_queries(large, coordinator)


# --- reminders ------------------------------------------------------------------------------------


def test_reminder_ninety_days_before_the_end_without_a_plan(coalition, coordinator):
    existing = make(coalition, coordinator, end_date=datetime.date(2027, 3, 1))
    make(coalition, coordinator, funder_name="Met plan", continuity_plan="Eigen middelen")
    make(coalition, coordinator, funder_name="Los", carries_activities=False)
    day = datetime.date(2027, 3, 1) - datetime.timedelta(days=90)
    reminders = list(funding_ends_without_plan(day))
    assert len(reminders) == 1
    reminder = reminders[0]
    assert reminder.key == f"funding-ends:{existing.uuid}:2027-03-01"
    assert reminder.to == ("coo@oost.nl",)
    assert reminder.coalition.pk == coalition.pk
    assert "Gemeente Oost" in reminder.subject
    assert "1 maart 2027" in reminder.body
    assert [r.key for r in funding_ends_without_plan(day)] == [reminder.key]  # stable
    assert list(funding_ends_without_plan(day + datetime.timedelta(days=1))) == []
    assert list(funding_ends_without_plan(day - datetime.timedelta(days=1))) == []

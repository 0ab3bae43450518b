"""API v1 for funding sources and the funding overview."""

import datetime

import pytest

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.funding.models import FundingSource
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def coalition():
    return CoalitionFactory()


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True).user


def url(coalition, suffix=""):
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


NEW = {
    "kind": "municipal_subsidy",
    "funder_name": "Gemeente Oost",
    "amount": "20000.00",
    "start_date": "2026-01-01",
    "end_date": "2027-06-30",
    "carries_activities": True,
}


def invalid(response) -> dict[str, str]:
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    return {p["name"]: p["reason"] for p in response.json()["invalid_params"]}


def test_crud(coalition, coordinator):
    client = api_client_for(coordinator)
    created = client.post(url(coalition, "funding-sources/"), NEW, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["funder"] == "Gemeente Oost"
    assert body["has_continuity_plan"] is False
    detail = url(coalition, f"funding-sources/{body['uuid']}/")
    listed = client.get(url(coalition, "funding-sources/")).json()
    assert listed["count"] == 1
    patched = client.patch(detail, {"continuity_plan": "Eigen middelen"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["has_continuity_plan"] is True
    assert client.get(detail).json()["continuity_plan"] == "Eigen middelen"
    assert client.delete(detail).status_code == 204
    assert not FundingSource.objects.exists()


def test_rules_come_back_as_problems_in_dutch_and_nothing_is_saved(coalition, coordinator):
    client = api_client_for(coordinator)
    response = client.post(
        url(coalition, "funding-sources/"),
        {**NEW, "amount": "-5", "end_date": "2025-01-01"},
        format="json",
    )
    assert invalid(response) == {
        "amount": "Een bedrag kan niet negatief zijn.",
        "end_date": "De einddatum ligt vóór de startdatum.",
    }
    foreign = PartnerFactory()
    response = client.post(
        url(coalition, "funding-sources/"),
        {**NEW, "funder_partner": str(foreign.uuid)},
        format="json",
    )
    assert invalid(response) == {"funder_partner": "Deze partner hoort niet bij deze coalitie."}
    assert not FundingSource.objects.exists()


def test_the_overview(coalition, coordinator):
    client = api_client_for(coordinator)
    client.post(url(coalition, "funding-sources/"), NEW, format="json")
    client.post(
        url(coalition, "funding-sources/"),
        {**NEW, "kind": "fund", "funder_name": "Fonds", "end_date": "2028-12-31"},
        format="json",
    )
    overview = client.get(url(coalition, "funding-overview/")).json()
    assert overview["total"] == "40000.00"
    assert [k["kind"] for k in overview["by_kind"]] == ["municipal_subsidy", "fund"]
    assert [r["funder"] for r in overview["runs_out"]] == ["Gemeente Oost", "Fonds"]
    assert [w["funder"] for w in overview["warnings"]] == ["Gemeente Oost"]
    assert sum(float(y["amount"]) for y in overview["by_year"]) == 40000.0


def test_read_only_may_read_but_not_write(coalition, coordinator, reader):
    created = api_client_for(coordinator).post(
        url(coalition, "funding-sources/"), NEW, format="json"
    )
    detail = url(coalition, f"funding-sources/{created.json()['uuid']}/")
    client = api_client_for(reader)
    assert client.get(url(coalition, "funding-sources/")).status_code == 200
    assert client.get(url(coalition, "funding-overview/")).status_code == 200
    assert client.post(url(coalition, "funding-sources/"), NEW, format="json").status_code == 403
    assert client.patch(detail, {"amount": "1"}, format="json").status_code == 403
    assert client.delete(detail).status_code == 403
    assert FundingSource.objects.count() == 1


def test_an_outsider_gets_404(coalition, coordinator, outsider):
    created = api_client_for(coordinator).post(
        url(coalition, "funding-sources/"), NEW, format="json"
    )
    detail = url(coalition, f"funding-sources/{created.json()['uuid']}/")
    client = api_client_for(outsider)
    for path in (url(coalition, "funding-sources/"), url(coalition, "funding-overview/"), detail):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
    assert client.delete(detail).status_code == 404

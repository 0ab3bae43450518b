"""API v1: the monitor, the yearly report and the outcome measures, under the same permissions as the pages."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.monitoring.tests.factories import activity
from samenspel.reporting import services
from samenspel.reporting.models import Moment
from samenspel.reporting.tests.test_outcomes import measured

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_authenticate(user)
    return client


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost", start_date=datetime.date(2025, 1, 1))


def test_the_monitor_for_a_member(coalition):
    reader = MembershipFactory(coalition=coalition, read_only=True).user
    response = api_for(reader).get(reverse("reporting_api:monitor", args=[coalition.uuid]))
    assert response.status_code == 200
    keys = {i["key"] for i in response.json()["indicators"]}
    assert {"partners", "reach", "funding_running", "scan_strong_network"} <= keys
    assert len(response.json()["questions"]) == 11


def test_the_yearly_report_with_the_coalitions_conclusions(coalition):
    coordinator = MembershipFactory(coalition=coalition, coordinator=True).user
    services.save_report_section(
        coalition, 2025, "strong_network", acting_user=coordinator, conclusions="Gegroeid."
    )
    url = reverse("reporting_api:year_report", args=[coalition.uuid, 2025])
    data = api_for(coordinator).get(url).json()
    assert data["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    network = next(p for p in data["pillars"] if p["pillar"] == "strong_network")
    assert network["conclusions"] == "Gegroeid."
    missing = api_for(coordinator).get(
        reverse("reporting_api:year_report", args=[coalition.uuid, 2024])
    )
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_outsiders_and_anonymous_visitors(coalition):
    outsider = MembershipFactory(coordinator=True).user
    url = reverse("reporting_api:monitor", args=[coalition.uuid])
    assert api_for(outsider).get(url).status_code == 404
    assert APIClient().get(url).status_code == 401


def test_the_outcomes_per_activity_hide_a_small_group_entirely(coalition):
    made = activity(coalition, None, title="Koffieochtend")
    measured(made, Moment.BEFORE, datetime.date(2026, 1, 10), (4, 10, 4, 2))
    small = activity(coalition, None, title="Wandelclub")
    measured(small, Moment.BEFORE, datetime.date(2026, 1, 10), (2, 3, 1, 0))
    reader = MembershipFactory(coalition=coalition, read_only=True).user
    url = reverse("reporting_api:outcomes", args=[coalition.uuid])
    koffie, wandel = api_for(reader).get(url).json()
    assert koffie["activity"] == "Koffieochtend"
    assert koffie["before"]["participants"] == 20
    assert [band["count"] for band in koffie["before"]["bands"]] == [4, 10, 4, 2]
    assert koffie["after"] is None
    assert wandel["before"]["participants"] is None  # 6: not even the size of the group
    assert wandel["before"]["bands"] is None
    outsider = MembershipFactory(coordinator=True).user
    assert api_for(outsider).get(url).status_code == 404

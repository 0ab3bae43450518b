"""API v1 for advice: the findings page's policy, its data, and setting findings aside."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.advice.models import Dismissal
from samenspel.core.models import AuditEvent
from samenspel.core.testing import generated_schema
from samenspel.partners.models import PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
RULE = "missing_partner_kinds"  # fires for every coalition that lacks a kind of partner


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True).user


def url(coalition, suffix="") -> str:
    return f"/api/v1/coalitions/{coalition.uuid}/findings/{suffix}"


def invalid_names(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM
    return {param["name"] for param in response.json()["invalid_params"]}


def findings_of(client, coalition) -> dict[str, dict]:
    response = client.get(url(coalition))
    assert response.status_code == 200
    return {f["rule"]: f for f in response.json()["findings"]}


# --- tenancy and the policy -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("post", f"{RULE}/dismiss"), ("post", f"{RULE}/restore")],
)
def test_outsider_gets_404_and_nothing_changes(coalition, outsider, method, suffix):
    response = getattr(api_client_for(outsider), method)(
        url(coalition, suffix), {"reason": "Besproken"}, format="json"
    )

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert not Dismissal.objects.exists()


def test_read_only_member_may_not_see_findings(coalition):
    reader = MembershipFactory(coalition=coalition, read_only=True).user

    response = api_client_for(reader).get(url(coalition))

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize("role", ["read_only", "municipality", "advisor"])
@pytest.mark.parametrize("action", ["dismiss", "restore"])
def test_only_who_may_dismiss_can_dismiss_or_restore(coalition, coordinator, role, action):
    Dismissal.objects.create(
        coalition=coalition, rule_key=RULE, subject="", reason="Eerder", magnitude=99
    )
    member = MembershipFactory(coalition=coalition, role=role).user

    response = api_client_for(member).post(
        url(coalition, f"{RULE}/{action}"), {"reason": "Besproken"}, format="json"
    )

    assert response.status_code == 403
    assert Dismissal.objects.get().reason == "Eerder"


def test_municipality_sees_findings_but_cannot_dismiss(coalition):
    gemeente = MembershipFactory(coalition=coalition, municipality=True).user

    response = api_client_for(gemeente).get(url(coalition))

    assert response.status_code == 200
    assert response.json()["can_dismiss"] is False


def test_anonymous_gets_401(coalition):
    assert APIClient().get(url(coalition)).status_code == 401
    assert APIClient().post(url(coalition, f"{RULE}/dismiss")).status_code == 401


# --- findings ---------------------------------------------------------------------------------


def test_findings_carry_severity_evidence_explanation_guide_and_next_step(coalition, coordinator):
    PartnerFactory(coalition=coalition, kind="welfare")

    response = api_client_for(coordinator.user).get(url(coalition))

    assert response.status_code == 200
    data = response.json()
    assert data["can_dismiss"] is True
    assert data["dismissed"] == []
    finding = {f["rule"]: f for f in data["findings"]}[RULE]
    assert finding["subject"] == ""
    assert finding["severity"] in {"urgent", "attention", "info"}
    assert finding["severity_label"]
    assert finding["title"]
    assert any("Ontbreekt" in line for line in finding["evidence"])
    assert "Handreiking" in finding["explanation"]
    assert finding["next_step"]
    assert finding["magnitude"] > 0
    assert finding["guide"]["section"] == "partner_kinds"
    assert finding["guide"]["url"] == f"/gids/partner_kinds/{finding['guide']['item']}/"
    assert finding["returned_after"] is None
    severities = [f["severity"] for f in data["findings"]]
    order = ["urgent", "attention", "info"]
    assert severities == sorted(severities, key=order.index)  # most pressing first


def test_findings_run_the_same_number_of_queries_for_3_or_30_partners():
    def count_for(n: int) -> int:
        membership = MembershipFactory(coordinator=True)
        coalition = membership.coalition
        for i in range(n):
            partner = PartnerFactory(
                coalition=coalition, kind=["welfare", "residents", "education"][i % 3]
            )
            PartnerEvent.objects.create(partner=partner, kind="new_director", date="2025-01-01")
        client = api_client_for(membership.user)
        client.get(url(coalition))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(coalition)).status_code == 200
        return len(queries)

    assert count_for(3) == count_for(30)


# --- setting aside and back -------------------------------------------------------------------


def test_an_empty_reason_is_400_at_reason_and_nothing_is_saved(coalition, coordinator):
    for body in ({"reason": "  "}, {}):
        response = api_client_for(coordinator.user).post(
            url(coalition, f"{RULE}/dismiss"), body, format="json"
        )
        assert response.status_code == 400
        assert invalid_names(response) == {"reason"}
    assert not Dismissal.objects.exists()


def test_dismiss_then_restore(coalition, coordinator):
    PartnerFactory(coalition=coalition, kind="residents")  # only the finding about other kinds
    client = api_client_for(coordinator.user)
    magnitude = findings_of(client, coalition)[RULE]["magnitude"]

    dismissed = client.post(
        url(coalition, f"{RULE}/dismiss"),
        {"subject": "", "reason": "Besproken in het kernoverleg."},
        format="json",
    )

    assert dismissed.status_code == 201
    assert dismissed.json()["rule"] == RULE
    assert dismissed.json()["magnitude"] == magnitude
    assert dismissed.json()["dismissed_by_name"] == str(coordinator.user)
    data = client.get(url(coalition)).json()
    assert RULE not in {f["rule"] for f in data["findings"]}
    (entry,) = data["dismissed"]
    assert (entry["rule"], entry["reason"]) == (RULE, "Besproken in het kernoverleg.")
    assert entry["current"]["magnitude"] == magnitude
    assert AuditEvent.objects.filter(action="finding.dismissed").exists()

    restored = client.post(url(coalition, f"{RULE}/restore"), {"subject": ""}, format="json")

    assert restored.status_code == 204
    assert RULE in findings_of(client, coalition)
    assert not Dismissal.objects.exists()


def test_a_dismissed_finding_returns_when_it_grows(coalition, coordinator):
    partner = PartnerFactory(coalition=coalition, kind="education")
    PartnerFactory(coalition=coalition, kind="residents")  # only the finding about other kinds
    client = api_client_for(coordinator.user)
    client.post(url(coalition, f"{RULE}/dismiss"), {"reason": "Bewust."}, format="json")
    assert RULE not in findings_of(client, coalition)

    partner.delete()  # one more kind of partner missing: the finding grew

    finding = findings_of(client, coalition)[RULE]
    assert finding["returned_after"]["reason"] == "Bewust."
    assert finding["magnitude"] > finding["returned_after"]["magnitude"]


def test_unknown_rule_is_404_and_a_finding_that_does_not_play_is_400(coalition, coordinator):
    client = api_client_for(coordinator.user)

    unknown = client.post(url(coalition, "bestaat_niet/dismiss"), {"reason": "x"}, format="json")
    other_subject = client.post(
        url(coalition, f"{RULE}/dismiss"), {"subject": "iets", "reason": "x"}, format="json"
    )

    assert unknown.status_code == 404
    assert other_subject.status_code == 400
    assert other_subject["Content-Type"] == PROBLEM
    assert not Dismissal.objects.exists()


def test_restoring_what_was_not_set_aside_is_404(coalition, coordinator):
    response = api_client_for(coordinator.user).post(url(coalition, f"{RULE}/restore"), {})

    assert response.status_code == 404


def test_restore_and_dismiss_are_post_only(coalition, coordinator):
    client = api_client_for(coordinator.user)
    assert client.get(url(coalition, f"{RULE}/dismiss")).status_code == 405
    assert client.get(url(coalition, f"{RULE}/restore")).status_code == 405


# --- the OpenAPI document ---------------------------------------------------------------------

F = "/api/v1/coalitions/{coalition}/findings/"
EXPECTED = {F: {"get"}, F + "{rule}/dismiss": {"post"}, F + "{rule}/restore": {"post"}}


def test_advice_routes_generate_without_warnings():
    schema, problems = generated_schema("samenspel.advice.api.urls")

    assert not problems, "\n".join(problems)
    assert set(schema["paths"]) == set(EXPECTED)
    for route, methods in EXPECTED.items():
        assert set(schema["paths"][route]) - {"parameters"} == methods, route

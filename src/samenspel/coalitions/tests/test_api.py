"""API v1 for coalitions: tenancy, the policy, services for every write, problem+json errors."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from samenspel.accounts.models import Membership, Role
from samenspel.accounts.tests.factories import (
    MembershipFactory,
    UserFactory,
    api_client_for,
    api_token_for,
)
from samenspel.coalitions import services
from samenspel.coalitions.models import (
    LIFE_PHASES,
    ChecklistItem,
    ChecklistStatus,
    Coalition,
    Phase,
    PhaseChange,
)
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.guide.content import all_activity_keys, phase_activities
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Amsterdam")


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def gemeente(coalition):
    return MembershipFactory(coalition=coalition, municipality=True).user


@pytest.fixture
def outsider():
    """Coordinator of another coalition: has every right, but not here."""
    return MembershipFactory(coordinator=True).user


def url(coalition: Coalition, suffix: str = "") -> str:
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


def invalid_names(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM
    return {param["name"] for param in response.json()["invalid_params"]}


def first_activity() -> str:
    return phase_activities(Phase.INITIATE)[0].key


SCOPED_READS = [
    "",
    "phase-changes/",
    "checklist/",
    "where-are-we/",
    "dashboard/",
    "audit/",
]


# --- tenancy: outsiders get 404 everywhere ------------------------------------------------------


@pytest.mark.parametrize("suffix", [*SCOPED_READS, "checklist/{activity}/"])
def test_outsider_gets_404_on_every_coalition_read(coalition, outsider, suffix):
    response = api_client_for(outsider).get(
        url(coalition, suffix.format(activity=first_activity()))
    )

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("patch", "", {"name": "Overgenomen"}),
        ("post", "phase-changes/", {"to_phase": "explore", "reason": "Poging"}),
        ("put", "checklist/{activity}/", {"status": "done"}),
    ],
)
def test_outsider_gets_404_on_every_coalition_write_and_nothing_changes(
    coalition, outsider, method, suffix, body
):
    path = url(coalition, suffix.format(activity=first_activity()))

    response = getattr(api_client_for(outsider), method)(path, body, format="json")

    assert response.status_code == 404
    coalition.refresh_from_db()
    assert coalition.name == "Samen Amsterdam"
    assert coalition.phase == Phase.INITIATE
    assert not ChecklistItem.objects.filter(coalition=coalition).exists()


def test_unknown_coalition_is_404(coordinator):
    response = api_client_for(coordinator).get(
        "/api/v1/coalitions/00000000-0000-0000-0000-000000000000/"
    )

    assert response.status_code == 404


def test_anonymous_request_gets_401_problem(coalition):
    response = APIClient().get(url(coalition))

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_personal_token_reaches_the_api(coalition, coordinator):
    _token, raw = api_token_for(coordinator)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")

    response = client.get(url(coalition))

    assert response.status_code == 200
    assert response.json()["uuid"] == str(coalition.uuid)


# --- coalitions: list, create, read, edit -------------------------------------------------------


def test_list_shows_only_the_requesters_coalitions_with_their_role(
    coalition, coordinator, outsider
):
    MembershipFactory(user=coordinator, read_only=True, coalition=CoalitionFactory(name="Anders"))

    response = api_client_for(coordinator).get("/api/v1/coalitions/")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [(c["name"], c["role"]) for c in data["results"]] == [
        ("Anders", "read_only"),
        ("Samen Amsterdam", "coordinator"),
    ]
    assert "id" not in data["results"][0]
    assert "edit_coalition" not in data["results"][0]["permissions"]
    assert "edit_coalition" in data["results"][1]["permissions"]


def test_coalition_list_runs_the_same_number_of_queries_for_3_or_30_coalitions():
    def count_for(n: int) -> int:
        user = UserFactory()
        for _ in range(n):
            MembershipFactory(user=user, coordinator=True)
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(user).get("/api/v1/coalitions/")
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


def test_any_user_can_create_a_coalition_and_becomes_its_coordinator():
    user = UserFactory()

    response = api_client_for(user).post(
        "/api/v1/coalitions/",
        {
            "name": "Samen tegen eenzaamheid Amsterdam",
            "municipality_code": "gm0363",
            "start_date": "2024-03-01",
            "area_scope": "parts",
            "areas": ["Noord", "Zuidoost"],
            "form": "network",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["municipality"]["code"] == "GM0363"
    assert data["areas"] == ["Noord", "Zuidoost"]
    assert data["phase"] == "initiate"
    assert data["role"] == "coordinator"
    coalition = Coalition.objects.get(uuid=data["uuid"])
    assert coalition.areas == "Noord\nZuidoost"
    assert Membership.objects.get(user=user, coalition=coalition).role == Role.COORDINATOR
    assert AuditEvent.objects.filter(
        coalition=coalition, action="coalition.created", actor=user
    ).exists()


def test_unknown_municipality_code_is_400_at_that_field_in_dutch():
    user = UserFactory()

    response = api_client_for(user).post(
        "/api/v1/coalitions/",
        {"name": "Nergensland", "municipality_code": "GM0001", "start_date": "2024-03-01"},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"municipality_code"}
    assert "onbekend" in response.json()["invalid_params"][0]["reason"]
    assert not Coalition.objects.filter(name="Nergensland").exists()


@pytest.mark.parametrize(
    ("code", "days_ahead", "field"),
    [
        ("0363", 0, "municipality_code"),
        ("GM9999", 0, "municipality_code"),
        ("GM0363", 1, "start_date"),
    ],
)
def test_bad_municipality_code_or_future_start_is_400_at_its_field(code, days_ahead, field):
    start = timezone.localdate() + datetime.timedelta(days=days_ahead)

    response = api_client_for(UserFactory()).post(
        "/api/v1/coalitions/",
        {"name": "X", "municipality_code": code, "start_date": start.isoformat()},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {field}
    assert not Coalition.objects.filter(name="X").exists()


def test_a_part_of_the_municipality_needs_its_areas():
    response = api_client_for(UserFactory()).post(
        "/api/v1/coalitions/",
        {
            "name": "X",
            "municipality_code": "GM0363",
            "start_date": "2024-01-01",
            "area_scope": "parts",
        },
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"areas"}


def test_member_reads_the_coalition(coalition, reader):
    response = api_client_for(reader).get(url(coalition))

    assert response.status_code == 200
    assert response.json()["name"] == "Samen Amsterdam"
    assert response.json()["role"] == "read_only"
    assert response.json()["permissions"] == [
        "view_coalition",
        "view_partners",
        "view_scan_results",
    ]


def test_coordinator_edits_the_coalition_through_the_service(coalition, coordinator):
    response = api_client_for(coordinator).patch(
        url(coalition), {"name": "Samen Mokum", "municipality_code": "GM9901"}, format="json"
    )

    assert response.status_code == 200, response.json()
    coalition.refresh_from_db()
    assert coalition.name == "Samen Mokum"
    assert coalition.municipality.code == "GM9901"
    event = AuditEvent.objects.get(coalition=coalition, action="coalition.updated")
    assert event.changes["fields"]["name"] == {"old": "Samen Amsterdam", "new": "Samen Mokum"}


@pytest.mark.parametrize("role", ["read_only", "advisor", "municipality", "partner_member"])
def test_members_without_edit_right_get_403_on_patch(coalition, role):
    user = MembershipFactory(coalition=coalition, **{role: True}).user

    response = api_client_for(user).patch(
        url(coalition), {"name": "Niet toegestaan"}, format="json"
    )

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    coalition.refresh_from_db()
    assert coalition.name == "Samen Amsterdam"


def test_put_on_a_coalition_is_not_offered(coalition, coordinator):
    response = api_client_for(coordinator).put(url(coalition), {"name": "X"}, format="json")

    assert response.status_code == 405


# --- phase changes ------------------------------------------------------------------------------


def test_coordinator_changes_phase_through_the_service(coalition, coordinator):
    response = api_client_for(coordinator).post(
        url(coalition, "phase-changes/"),
        {
            "to_phase": "explore",
            "reason": "Intentieverklaring getekend",
            "tipping_point": "letter_of_intent",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["from_phase"] == "initiate"
    assert data["to_phase"] == "explore"
    assert data["date"] == timezone.localdate().isoformat()
    coalition.refresh_from_db()
    assert coalition.phase == Phase.EXPLORE
    assert AuditEvent.objects.filter(coalition=coalition, action="coalition.phase_changed").exists()


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_phase_change_without_reason_is_400_at_reason_and_saves_nothing(
    coalition, coordinator, reason
):
    body = {"to_phase": "explore"} | ({} if reason is None else {"reason": reason})

    response = api_client_for(coordinator).post(
        url(coalition, "phase-changes/"), body, format="json"
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"reason"}
    assert "reden" in response.json()["invalid_params"][0]["reason"]
    coalition.refresh_from_db()
    assert coalition.phase == Phase.INITIATE
    assert not PhaseChange.objects.exists()


def test_service_rules_come_back_as_400_at_their_field(coalition, coordinator):
    """The service refuses the current phase and a future date; the API names those fields."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = api_client_for(coordinator).post(
        url(coalition, "phase-changes/"),
        {"to_phase": "initiate", "reason": "Toch", "date": tomorrow.isoformat()},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"to_phase", "date"}
    assert not PhaseChange.objects.exists()


def test_read_only_member_may_see_but_not_change_the_phase(coalition, coordinator, reader):
    services.change_phase(
        coalition,
        acting_user=coordinator,
        to_phase="explore",
        date=datetime.date(2024, 1, 1),
        reason="Klaar",
        tipping_point="other",
    )
    client = api_client_for(reader)

    listed = client.get(url(coalition, "phase-changes/"))
    refused = client.post(
        url(coalition, "phase-changes/"), {"to_phase": "establish", "reason": "x"}
    )

    assert listed.status_code == 200
    assert listed.json()["count"] == 1
    assert listed.json()["results"][0]["recorded_by_name"] == coordinator.full_name
    assert refused.status_code == 403
    assert PhaseChange.objects.count() == 1


def test_phase_change_list_runs_the_same_number_of_queries_for_3_or_30(coordinator):
    def count_for(n: int) -> int:
        coalition = CoalitionFactory(start_date=datetime.date(2000, 1, 1))
        MembershipFactory(user=coordinator, coalition=coalition, coordinator=True)
        phases = ["explore", "initiate"]
        for i in range(n):
            services.change_phase(
                coalition,
                acting_user=coordinator,
                to_phase=phases[i % 2],
                date=datetime.date(2001, 1, 1) + datetime.timedelta(days=i),
                reason="r",
                tipping_point="other",
            )
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(url(coalition, "phase-changes/"))
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


# --- checklist and 'where are we?' --------------------------------------------------------------


def test_checklist_lists_every_activity_of_the_guide_paginated(coalition, reader, coordinator):
    key = first_activity()
    services.set_checklist_status(
        coalition, key, acting_user=coordinator, status="done", note="Gelukt"
    )

    response = api_client_for(reader).get(url(coalition, "checklist/"), {"page_size": 200})

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == len(all_activity_keys())
    in_guide_order = [a.key for phase in LIFE_PHASES for a in phase_activities(phase)]
    assert [entry["key"] for entry in data["results"]] == in_guide_order
    first = data["results"][0]
    assert (first["key"], first["phase"], first["status"], first["note"]) == (
        key,
        "initiate",
        "done",
        "Gelukt",
    )
    assert {entry["status"] for entry in data["results"][1:]} == {"not_started"}


def test_checklist_pages(coalition, reader):
    response = api_client_for(reader).get(url(coalition, "checklist/"), {"page_size": 2, "page": 2})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 2
    assert response.json()["previous"] is not None


def test_municipality_sets_a_checklist_status_through_the_service(coalition, gemeente):
    key = first_activity()

    response = api_client_for(gemeente).put(
        url(coalition, f"checklist/{key}/"), {"status": "busy", "note": "Loopt"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "busy"
    item = ChecklistItem.objects.get(coalition=coalition, activity_key=key)
    assert (item.status, item.note, item.updated_by) == (ChecklistStatus.BUSY, "Loopt", gemeente)
    assert AuditEvent.objects.filter(
        coalition=coalition, action="checklist.updated", actor=gemeente
    ).exists()
    assert (
        api_client_for(gemeente).get(url(coalition, f"checklist/{key}/")).json()["note"] == "Loopt"
    )


def test_read_only_member_gets_403_on_checklist_put(coalition, reader):
    response = api_client_for(reader).put(
        url(coalition, f"checklist/{first_activity()}/"), {"status": "done"}
    )

    assert response.status_code == 403
    assert not ChecklistItem.objects.exists()


def test_checklist_status_must_be_a_choice(coalition, coordinator):
    response = api_client_for(coordinator).put(
        url(coalition, f"checklist/{first_activity()}/"), {"status": "half"}, format="json"
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"status"}


def test_activity_outside_the_guide_is_404(coalition, coordinator):
    response = api_client_for(coordinator).put(
        url(coalition, "checklist/bestaat-niet/"), {"status": "done"}
    )

    assert response.status_code == 404
    assert not ChecklistItem.objects.exists()


def test_where_are_we_explains_the_suggestion(coalition, reader, coordinator):
    for activity in phase_activities(Phase.INITIATE):
        services.set_checklist_status(
            coalition, activity.key, acting_user=coordinator, status="done"
        )
    services.set_checklist_status(
        coalition, "explore-motives", acting_user=coordinator, status="busy"
    )

    response = api_client_for(reader).get(url(coalition, "where-are-we/"))

    assert response.status_code == 200
    data = response.json()
    assert data["current"] == "initiate"
    assert data["suggested"] == "explore"
    assert data["matches_current"] is False
    assert data["reasons"]
    assert [p["phase"] for p in data["phases"]] == [
        "initiate",
        "explore",
        "establish",
        "sustain",
        "develop",
    ]
    assert data["phases"][0]["percentage"] == 100
    assert data["next_steps"][0]["phase"] == "explore"
    assert data["phase_since"] == coalition.start_date.isoformat()


# --- dashboard and audit ------------------------------------------------------------------------


def test_dashboard_hides_who_changed_what_from_members_without_audit_right(
    coalition, coordinator, reader
):
    PartnerFactory(coalition=coalition, kind="welfare", circle="core")
    services.update_coalition(coalition, acting_user=coordinator, name="Niemand alleen")

    as_reader = api_client_for(reader).get(url(coalition, "dashboard/")).json()
    as_coordinator = api_client_for(coordinator).get(url(coalition, "dashboard/")).json()

    assert as_reader["phase"] == "initiate"
    assert as_reader["partner_count"] == 1
    assert {"value": "core", "label": "Kern", "count": 1} in as_reader["per_circle"]
    assert as_reader["per_kind"] == [
        {"value": "welfare", "label": "Welzijnsorganisatie", "count": 1}
    ]
    assert "welfare" not in {kind["value"] for kind in as_reader["missing_kinds"]}
    assert as_reader["recent_changes"][0]["action"] == "coalition.updated"
    assert as_reader["recent_changes"][0]["actor_name"] is None
    assert as_coordinator["recent_changes"][0]["actor_name"] == coordinator.full_name


def test_audit_trail_is_for_coordinators_only(coalition, coordinator, reader, gemeente):
    services.update_coalition(coalition, acting_user=coordinator, name="Niemand alleen")

    allowed = api_client_for(coordinator).get(url(coalition, "audit/"))

    assert allowed.status_code == 200
    event = allowed.json()["results"][0]
    assert (event["action"], event["actor_name"]) == ("coalition.updated", coordinator.full_name)
    assert event["changes"]["fields"]["name"]["new"] == "Niemand alleen"
    assert api_client_for(reader).get(url(coalition, "audit/")).status_code == 403
    assert api_client_for(gemeente).get(url(coalition, "audit/")).status_code == 403


def test_audit_list_runs_the_same_number_of_queries_for_3_or_30_events(coordinator):
    def count_for(n: int) -> int:
        coalition = CoalitionFactory()
        MembershipFactory(user=coordinator, coalition=coalition, coordinator=True)
        for i in range(n):
            actor = MembershipFactory(coalition=coalition, coordinator=True).user
            services.update_coalition(coalition, acting_user=actor, name=f"Coalitie {i}")
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(url(coalition, "audit/"))
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


def test_dashboard_runs_the_same_number_of_queries_for_3_or_30_partners(coordinator):
    def count_for(n: int) -> int:
        coalition = CoalitionFactory()
        MembershipFactory(user=coordinator, coalition=coalition, coordinator=True)
        PartnerFactory.create_batch(n, coalition=coalition)
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(url(coalition, "dashboard/"))
        assert response.json()["partner_count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)

"""API v1: correcting and removing a meeting's agenda items, attendance, decisions and actions,
and deleting a meeting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.core.models import AuditEvent
from samenspel.meetings import services
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

PROBLEM = "application/problem+json"


@pytest.fixture
def client(coordinator):
    return api_client_for(coordinator.user, with_token=True)


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition)


@pytest.fixture
def meeting(coalition, coordinator, partner):
    meeting = MeetingFactory(coalition=coalition)
    user = coordinator.user
    services.add_agenda_item(meeting, acting_user=user, title="Jaarplan")
    services.set_attendance(meeting, acting_user=user, partner=partner, status="present")
    services.record_decision(meeting, acting_user=user, text="Ja")
    services.add_action(meeting, acting_user=user, text="Bellen", owner_partner=partner)
    return meeting


# URL name, URL kwarg, and how to find the part in a meeting.
PARTS = [
    ("agenda_item", lambda m: m.agenda_items.get()),
    ("attendance_row", lambda m: m.attendance.get()),
    ("decision", lambda m: m.decisions.get()),
    ("action", lambda m: m.actions.get()),
]


def part_url(name, meeting, part, coalition=None):
    coalition = coalition or meeting.coalition
    return reverse(f"meetings_api:{name}", args=[coalition.uuid, meeting.uuid, part.uuid])


def test_patch_and_delete_an_agenda_item(client, meeting):
    item = meeting.agenda_items.get()
    target = part_url("agenda_item", meeting, item)
    assert client.get(target).json()["title"] == "Jaarplan"
    patched = client.patch(target, {"notes": "Concept bijgevoegd"}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["title"] == "Jaarplan"
    assert patched.json()["notes"] == "Concept bijgevoegd"
    blank = client.patch(target, {"title": ""}, format="json")
    assert blank.status_code == 400
    assert blank["Content-Type"] == PROBLEM
    assert blank.json()["invalid_params"][0]["name"] == "title"
    assert AgendaItem.objects.get().title == "Jaarplan"
    assert client.delete(target).status_code == 204
    assert not AgendaItem.objects.exists()
    assert AuditEvent.objects.filter(action="meeting.agenda_item_deleted").count() == 1


def test_patch_and_delete_attendance(client, meeting, partner, coalition):
    attendance = meeting.attendance.get()
    target = part_url("attendance_row", meeting, attendance)
    other = PartnerFactory(coalition=coalition)
    patched = client.patch(target, {"status": "absent", "partner": str(other.uuid)}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["status"] == "absent"
    assert patched.json()["partner"] == str(partner.uuid)  # the partner cannot be swapped
    wrong = client.patch(target, {"status": "misschien"}, format="json")
    assert wrong.status_code == 400
    assert wrong.json()["invalid_params"][0]["name"] == "status"
    assert Attendance.objects.get().status == "absent"
    assert client.delete(target).status_code == 204
    assert not Attendance.objects.exists()


def test_patch_and_delete_a_decision(client, meeting):
    decision = meeting.decisions.get()
    target = part_url("decision", meeting, decision)
    patched = client.patch(target, {"text": "Ja, met twee stemmen tegen"}, format="json")
    assert patched.json()["text"] == "Ja, met twee stemmen tegen"
    assert patched.json()["number"] == 1
    assert client.patch(target, {"text": ""}, format="json").status_code == 400
    assert client.delete(target).status_code == 204
    assert not Decision.objects.exists()
    assert AuditEvent.objects.filter(action="meeting.decision_deleted").count() == 1


def test_patch_and_delete_an_action(client, meeting, coordinator):
    action = services.complete_action(meeting.actions.get(), acting_user=coordinator.user)
    target = part_url("action", meeting, action)
    foreign = client.patch(target, {"owner_partner": str(PartnerFactory().uuid)}, format="json")
    assert foreign.status_code == 400
    assert foreign["Content-Type"] == PROBLEM
    assert foreign.json()["invalid_params"] == [
        {"name": "owner_partner", "reason": "Kies een partner van deze coalitie."}
    ]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    future = client.patch(target, {"done_on": str(tomorrow)}, format="json")
    assert future.json()["invalid_params"][0]["name"] == "done_on"
    reopened = client.patch(target, {"done_on": None, "due_on": "2027-03-01"}, format="json")
    assert reopened.status_code == 200, reopened.json()
    assert reopened.json()["done_on"] is None
    assert reopened.json()["due_on"] == "2027-03-01"
    open_url = reverse("meetings_api:open_actions", args=[meeting.coalition.uuid])
    assert [a["uuid"] for a in client.get(open_url).json()["results"]] == [str(action.uuid)]
    assert client.delete(target).status_code == 204
    assert not ActionItem.objects.exists()


def test_delete_a_meeting_with_everything_in_it(client, meeting):
    target = reverse("meetings_api:meeting", args=[meeting.coalition.uuid, meeting.uuid])
    assert client.delete(target).status_code == 204
    assert client.get(target).status_code == 404
    for model in (Meeting, AgendaItem, Attendance, Decision, ActionItem):
        assert not model.objects.exists()
    assert AuditEvent.objects.get(action="meeting.deleted").object_uuid == meeting.uuid


@pytest.mark.parametrize(("name", "find"), PARTS)
def test_read_only_and_partner_members_get_403_outsiders_404(coalition, meeting, name, find):
    part = find(meeting)
    target = part_url(name, meeting, part)
    for membership in (
        MembershipFactory(coalition=coalition, read_only=True),
        MembershipFactory(coalition=coalition, partner_member=True),
    ):
        client = api_client_for(membership.user, with_token=True)
        assert client.get(target).status_code == 200
        assert client.patch(target, {"text": "x"}, format="json").status_code == 403
        assert client.delete(target).status_code == 403
    outsider = api_client_for(MembershipFactory(coordinator=True).user, with_token=True)
    assert outsider.get(target).status_code == 404
    assert outsider.delete(target).status_code == 404
    assert type(part).objects.filter(pk=part.pk).exists()
    meeting_url = reverse("meetings_api:meeting", args=[coalition.uuid, meeting.uuid])
    reader = api_client_for(
        MembershipFactory(coalition=coalition, read_only=True).user, with_token=True
    )
    assert reader.delete(meeting_url).status_code == 403
    assert outsider.delete(meeting_url).status_code == 404
    assert Meeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize(("name", "find"), PARTS)
def test_a_part_of_another_meeting_is_not_found(client, coalition, meeting, name, find):
    elsewhere = MembershipFactory(coordinator=True)
    foreign = MeetingFactory(coalition=elsewhere.coalition)
    user = elsewhere.user
    services.add_agenda_item(foreign, acting_user=user, title="Elders")
    services.set_attendance(
        foreign, acting_user=user, partner=PartnerFactory(coalition=foreign.coalition),
        status="present",
    )  # fmt: skip
    services.record_decision(foreign, acting_user=user, text="Elders")
    services.add_action(foreign, acting_user=user, text="Elders", owner_name="Iemand")
    part = find(foreign)
    for target in (
        part_url(name, meeting, part),  # under this coalition's own meeting
        part_url(name, foreign, part, coalition=coalition),  # foreign meeting, own coalition
    ):
        assert client.get(target).status_code == 404
        assert client.patch(target, {"text": "x"}, format="json").status_code == 404
        assert client.delete(target).status_code == 404
    assert type(part).objects.filter(pk=part.pk).exists()

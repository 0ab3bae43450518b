"""Correcting and removing what a meeting recorded: agenda items, attendance, decisions,
actions and the meeting itself, on the pages (the API is in test_api_corrections.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.meetings import services
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Bibliotheek Oost")


@pytest.fixture
def meeting(coalition, coordinator, partner):
    """A meeting with one of everything, recorded through the services."""
    meeting = MeetingFactory(coalition=coalition, title="Kerngroep januari")
    user = coordinator.user
    services.add_agenda_item(meeting, acting_user=user, title="Jaarplan", notes="Concept")
    services.set_attendance(meeting, acting_user=user, partner=partner, status="present")
    services.record_decision(meeting, acting_user=user, text="We starten een koffieochtend.")
    services.add_action(meeting, acting_user=user, text="Zaal reserveren", owner_partner=partner)
    return meeting


def parts(meeting):
    return {
        "item": meeting.agenda_items.get(),
        "attendance": meeting.attendance.get(),
        "decision": meeting.decisions.get(),
        "action": meeting.actions.get(),
    }


def url(name, meeting, part=None):
    args = [meeting.coalition.uuid, meeting.uuid]
    return reverse(f"meetings:{name}", args=[*args, part.uuid] if part is not None else args)


def last_event(action):
    return AuditEvent.objects.filter(action=action).latest("id")


# Every new page, with the part its URL names (None: the meeting itself).
PAGES = [
    ("agenda_edit", "item"),
    ("agenda_delete", "item"),
    ("attendance_edit", "attendance"),
    ("attendance_delete", "attendance"),
    ("decision_edit", "decision"),
    ("decision_delete", "decision"),
    ("action_edit", "action"),
    ("action_delete", "action"),
    ("delete", None),
]


def page_url(name, kind, meeting):
    return url(name, meeting, parts(meeting)[kind] if kind else None)


# --- agenda items ---------------------------------------------------------------------------


def test_coordinator_corrects_an_agenda_item(coordinator_client, meeting):
    item = meeting.agenda_items.get()
    edit = url("agenda_edit", meeting, item)
    assert 'value="Jaarplan"' in coordinator_client.get(edit).content.decode()
    response = coordinator_client.post(edit, {"title": "Jaarplan 2027", "notes": "Definitief"})
    assert response.status_code == 302
    assert response["Location"] == url("detail", meeting)
    item.refresh_from_db()
    assert (item.title, item.notes) == ("Jaarplan 2027", "Definitief")
    event = last_event("meeting.agenda_item_updated")
    assert event.object_uuid == meeting.uuid
    assert event.changes["context"] == {"item": str(item.uuid)}
    assert event.changes["fields"] == {
        "title": {"old": "Jaarplan", "new": "Jaarplan 2027"},
        "notes": {"old": "Concept", "new": "Definitief"},
    }


def test_an_agenda_item_needs_a_subject(coordinator_client, meeting):
    item = meeting.agenda_items.get()
    response = coordinator_client.post(url("agenda_edit", meeting, item), {"title": " "})
    assert response.status_code == 200
    assert "Vul ‘Onderwerp’ in." in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Jaarplan"
    assert not AuditEvent.objects.filter(action="meeting.agenda_item_updated").exists()


def test_deleting_an_agenda_item_asks_first(coordinator_client, meeting):
    item = meeting.agenda_items.get()
    delete = url("agenda_delete", meeting, item)
    page = coordinator_client.get(delete).content.decode()
    assert "Jaarplan" in page
    assert "Weet u zeker dat u dit agendapunt wilt verwijderen?" in page
    assert AgendaItem.objects.filter(pk=item.pk).exists()  # GET deletes nothing
    response = coordinator_client.post(delete)
    assert response["Location"] == url("detail", meeting)
    assert not AgendaItem.objects.exists()
    changes = last_event("meeting.agenda_item_deleted").changes
    assert changes["context"] == {"item": str(item.uuid)}
    assert changes["fields"]["title"] == {"old": "Jaarplan", "new": None}
    assert changes["fields"]["notes"] == {"old": "Concept", "new": None}


# --- attendance -----------------------------------------------------------------------------


def test_changing_and_removing_attendance(coordinator_client, meeting, partner):
    attendance = meeting.attendance.get()
    edit = url("attendance_edit", meeting, attendance)
    assert (
        "Aanwezigheid van Bibliotheek Oost wijzigen"
        in coordinator_client.get(edit).content.decode()
    )
    assert coordinator_client.post(edit, {"status": "excused"}).status_code == 302
    attendance.refresh_from_db()
    assert attendance.status == "excused"
    assert attendance.partner == partner
    changes = last_event("meeting.attendance_set").changes
    assert changes["context"] == {
        "attendance": str(attendance.uuid),
        "partner": {"uuid": str(partner.uuid), "label": partner.name},
    }
    assert changes["fields"] == {"status": {"old": "present", "new": "excused"}}

    wrong = coordinator_client.post(edit, {"status": "maybe"})
    assert (
        "Kies bij ‘Aanwezigheid’ een van de mogelijkheden uit de lijst." in wrong.content.decode()
    )
    attendance.refresh_from_db()
    assert attendance.status == "excused"

    assert coordinator_client.post(url("attendance_delete", meeting, attendance)).status_code == 302
    assert not Attendance.objects.exists()
    removed = last_event("meeting.attendance_removed").changes["fields"]
    assert removed["partner"]["old"]["uuid"] == str(partner.uuid)


def test_an_unknown_status_is_refused_by_the_service(coordinator, meeting):
    attendance = meeting.attendance.get()
    with pytest.raises(ValidationError) as error:
        services.change_attendance(attendance, acting_user=coordinator.user, status="maybe")
    assert "status" in error.value.message_dict
    assert Attendance.objects.get().status == "present"


# --- decisions ------------------------------------------------------------------------------


def test_correcting_a_decision(coordinator_client, meeting):
    decision = meeting.decisions.get()
    edit = url("decision_edit", meeting, decision)
    assert "Besluit 1 wijzigen" in coordinator_client.get(edit).content.decode()
    coordinator_client.post(edit, {"text": "We starten twee koffieochtenden."})
    decision.refresh_from_db()
    assert decision.text == "We starten twee koffieochtenden."
    assert decision.number == 1
    assert last_event("meeting.decision_updated").changes["fields"]["text"] == {
        "old": "We starten een koffieochtend.",
        "new": "We starten twee koffieochtenden.",
    }
    empty = coordinator_client.post(edit, {"text": ""})
    assert "Vul ‘Besluit’ in." in empty.content.decode()
    assert Decision.objects.get().text == "We starten twee koffieochtenden."


def test_deleting_a_decision_keeps_the_other_numbers(coordinator_client, coordinator, meeting):
    services.record_decision(meeting, acting_user=coordinator.user, text="Tweede")
    services.record_decision(meeting, acting_user=coordinator.user, text="Derde")
    second = meeting.decisions.get(number=2)
    page = coordinator_client.get(url("decision_delete", meeting, second)).content.decode()
    assert "2. Tweede" in page
    coordinator_client.post(url("decision_delete", meeting, second))
    assert list(meeting.decisions.values_list("number", flat=True)) == [1, 3]
    changes = last_event("meeting.decision_deleted").changes
    assert changes["context"] == {"decision": str(second.uuid)}
    assert changes["fields"] == {
        "number": {"old": 2, "new": None},
        "text": {"old": "Tweede", "new": None},
    }


# --- actions --------------------------------------------------------------------------------


def test_correcting_an_action(coordinator_client, meeting, partner):
    action = meeting.actions.get()
    edit = url("action_edit", meeting, action)
    assert "Zaal reserveren" in coordinator_client.get(edit).content.decode()
    response = coordinator_client.post(
        edit,
        {"text": "Grote zaal reserveren", "owner_partner": "", "owner_name": "Fatima",
         "due_on": "2027-02-01", "done_on": ""},
    )  # fmt: skip
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Grote zaal reserveren"
    assert action.owner_partner is None
    assert action.owner_name == "Fatima"
    assert action.due_on == datetime.date(2027, 2, 1)
    changes = last_event("meeting.action_updated").changes
    assert changes["context"] == {"action": str(action.uuid)}
    assert changes["fields"]["owner_partner"] == {
        "old": {"uuid": str(partner.uuid), "label": partner.name},
        "new": None,
    }
    assert changes["fields"]["due_on"] == {"old": None, "new": "2027-02-01"}


def test_an_action_keeps_its_rules_when_corrected(coordinator_client, coordinator, meeting):
    action = meeting.actions.get()
    edit = url("action_edit", meeting, action)
    nobody = coordinator_client.post(edit, {"text": "Zaal reserveren", "owner_name": " "})
    assert "Geef aan wie de actie oppakt: een partner of een naam." in nobody.content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    future = coordinator_client.post(
        edit, {"text": "Zaal reserveren", "owner_name": "Fatima", "done_on": tomorrow}
    )
    assert "Een actie kan niet in de toekomst zijn afgerond." in future.content.decode()
    with pytest.raises(ValidationError, match="Kies een partner van deze coalitie"):
        services.update_action(action, acting_user=coordinator.user, owner_partner=PartnerFactory())
    action = ActionItem.objects.get()
    assert action.owner_partner is not None
    assert action.owner_name == ""
    assert action.done_on is None
    assert not AuditEvent.objects.filter(action="meeting.action_updated").exists()


def test_a_finished_action_is_opened_again(coordinator_client, coordinator, meeting, partner):
    action = services.complete_action(meeting.actions.get(), acting_user=coordinator.user)
    coordinator_client.post(
        url("action_edit", meeting, action),
        {"text": action.text, "owner_partner": partner.pk, "done_on": ""},
    )
    action.refresh_from_db()
    assert action.done_on is None
    assert last_event("meeting.action_updated").changes["fields"]["done_on"]["new"] is None


def test_a_partner_that_left_stays_the_owner_of_its_action(coordinator_client, meeting, partner):
    partner.left_on = datetime.date(2026, 1, 1)
    partner.save()
    action = meeting.actions.get()
    response = coordinator_client.post(
        url("action_edit", meeting, action),
        {"text": "Zaal reserveren (nagebeld)", "owner_partner": partner.pk},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.owner_partner == partner
    assert action.text == "Zaal reserveren (nagebeld)"


def test_deleting_an_action(coordinator_client, meeting):
    action = meeting.actions.get()
    page = coordinator_client.get(url("action_delete", meeting, action)).content.decode()
    assert "Zaal reserveren (Bibliotheek Oost)" in page
    coordinator_client.post(url("action_delete", meeting, action))
    assert not ActionItem.objects.exists()
    assert (
        last_event("meeting.action_deleted").changes["fields"]["text"]["old"] == "Zaal reserveren"
    )


# --- the meeting itself ---------------------------------------------------------------------


def test_deleting_a_meeting_says_what_goes_with_it(coordinator_client, coordinator, meeting):
    services.record_decision(meeting, acting_user=coordinator.user, text="Tweede")
    other = MeetingFactory(coalition=meeting.coalition)
    ActionItemFactory(meeting=other)
    page = coordinator_client.get(url("delete", meeting)).content.decode()
    for text in ("1 agendapunt", "de aanwezigheid van 1 partner", "2 besluiten", "1 actiepunt"):
        assert text in page
    assert Meeting.objects.filter(pk=meeting.pk).exists()

    response = coordinator_client.post(url("delete", meeting))
    assert response["Location"] == reverse("meetings:list", args=[meeting.coalition.uuid])
    assert list(Meeting.objects.all()) == [other]
    assert not AgendaItem.objects.exists()
    assert not Attendance.objects.exists()
    assert not Decision.objects.exists()
    assert list(ActionItem.objects.values_list("meeting", flat=True)) == [other.pk]
    event = last_event("meeting.deleted")
    assert event.object_uuid == meeting.uuid
    assert event.changes["fields"]["title"]["old"] == "Kerngroep januari"
    contents = event.changes["context"]
    assert (contents["agenda_item_count"], contents["attendance_count"]) == (1, 1)
    assert (contents["decision_count"], contents["action_count"]) == (2, 1)


def test_an_empty_meeting_says_nothing_goes_with_it(coordinator_client, coalition):
    empty = MeetingFactory(coalition=coalition)
    page = coordinator_client.get(url("delete", empty)).content.decode()
    assert "nog geen agenda, aanwezigheid, besluit of actiepunt vastgelegd" in page


# --- the meeting page -----------------------------------------------------------------------


def test_the_meeting_page_links_to_every_correction(coordinator_client, reader_client, meeting):
    detail = url("detail", meeting)
    page = coordinator_client.get(detail).content.decode()
    read_only = reader_client.get(detail).content.decode()
    for name, kind in PAGES:
        link = page_url(name, kind, meeting)
        assert f'href="{link}"' in page
        assert link not in read_only


def test_the_meeting_page_queries_do_not_grow_with_its_parts(coordinator_client, coordinator):
    meeting = MeetingFactory(coalition=coordinator.coalition)
    user = coordinator.user

    def count_after_adding(n: int) -> int:
        for _ in range(n):
            partner = PartnerFactory(coalition=meeting.coalition)
            services.add_agenda_item(meeting, acting_user=user, title="Punt")
            services.set_attendance(meeting, acting_user=user, partner=partner, status="absent")
            services.record_decision(meeting, acting_user=user, text="Besluit")
            services.add_action(meeting, acting_user=user, text="Actie", owner_partner=partner)
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(url("detail", meeting))
        assert response.status_code == 200
        return len(queries)

    assert count_after_adding(2) == count_after_adding(20)


# --- who may, and tenancy -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), PAGES)
def test_members_without_the_right_get_403_and_outsiders_404(coalition, meeting, name, kind):
    target = page_url(name, kind, meeting)
    reader = client_for(MembershipFactory(coalition=coalition, read_only=True).user)
    partner_member = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)
    outsider = client_for(MembershipFactory(coordinator=True).user)
    for client in (reader, partner_member):
        assert client.get(target).status_code == 403
        assert (
            client.post(target, {"title": "x", "text": "x", "status": "absent"}).status_code == 403
        )
    assert outsider.get(target).status_code == 404
    assert outsider.post(target).status_code == 404
    assert Meeting.objects.get() == meeting
    assert parts(meeting)["item"].title == "Jaarplan"
    assert parts(meeting)["attendance"].status == "present"
    assert parts(meeting)["decision"].text == "We starten een koffieochtend."
    assert parts(meeting)["action"].text == "Zaal reserveren"


@pytest.mark.parametrize(("name", "kind"), [page for page in PAGES if page[1]])
def test_a_part_of_another_meeting_is_not_found(
    coordinator_client, coordinator, coalition, meeting, name, kind
):
    # Another coalition's meeting, with the same kinds of parts.
    foreign_coordinator = MembershipFactory(coordinator=True)
    foreign = MeetingFactory(coalition=foreign_coordinator.coalition)
    foreign_partner = PartnerFactory(coalition=foreign.coalition)
    user = foreign_coordinator.user
    services.add_agenda_item(foreign, acting_user=user, title="Elders")
    services.set_attendance(foreign, acting_user=user, partner=foreign_partner, status="present")
    services.record_decision(foreign, acting_user=user, text="Elders")
    services.add_action(foreign, acting_user=user, text="Elders", owner_name="Iemand")
    # And a second meeting of this coalition.
    sibling = MeetingFactory(coalition=coalition)
    services.add_agenda_item(sibling, acting_user=coordinator.user, title="Ander overleg")
    services.set_attendance(
        sibling, acting_user=coordinator.user, partner=PartnerFactory(coalition=coalition),
        status="present",
    )  # fmt: skip
    services.record_decision(sibling, acting_user=coordinator.user, text="Ander overleg")
    services.add_action(sibling, acting_user=coordinator.user, text="Ander", owner_name="Iemand")

    foreign_part = parts(foreign)[kind]
    sibling_part = parts(sibling)[kind]
    urls = [
        # the foreign part under this coalition's meeting
        reverse(f"meetings:{name}", args=[coalition.uuid, meeting.uuid, foreign_part.uuid]),
        # the foreign meeting and part under this coalition
        reverse(f"meetings:{name}", args=[coalition.uuid, foreign.uuid, foreign_part.uuid]),
        # a part of another meeting of the same coalition
        reverse(f"meetings:{name}", args=[coalition.uuid, meeting.uuid, sibling_part.uuid]),
    ]
    for target in urls:
        assert coordinator_client.get(target).status_code == 404
        assert coordinator_client.post(target, {"title": "x", "text": "x"}).status_code == 404
    assert parts(foreign)[kind].pk == foreign_part.pk
    assert parts(sibling)[kind].pk == sibling_part.pk


def test_a_meeting_of_another_coalition_cannot_be_deleted(coordinator_client, coalition):
    foreign = MeetingFactory()
    target = reverse("meetings:delete", args=[coalition.uuid, foreign.uuid])
    assert coordinator_client.get(target).status_code == 404
    assert coordinator_client.post(target).status_code == 404
    assert Meeting.objects.filter(pk=foreign.pk).exists()


def test_deleting_needs_the_csrf_token(coordinator, meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator.user, backend="samenspel.accounts.backends.EmailBackend")
    assert client.post(url("delete", meeting)).status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.meetings import services
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from samenspel.meetings.tests.factories import ActionItemFactory, BodyFactory, MeetingFactory
from samenspel.partners.models import PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def meeting(coalition):
    return MeetingFactory(coalition=coalition)


@pytest.fixture
def foreign_partner(db):
    return PartnerFactory()


def test_coordinator_plans_a_meeting_in_amsterdam_time(coordinator_client, coalition):
    body = BodyFactory(coalition=coalition)
    response = coordinator_client.post(
        reverse("meetings:create", args=[coalition.uuid]),
        {
            "title": "Kerngroep januari",
            "body": body.pk,
            "starts_at": "2027-01-14T19:30",
            "ends_at": "2027-01-14T21:00",
            "location": "Bibliotheek",
        },
    )
    meeting = Meeting.objects.get(coalition=coalition)
    assert response.status_code == 302
    assert meeting.starts_at.astimezone(AMS).hour == 19
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 18
    assert AuditEvent.objects.filter(action="meeting.created").exists()
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "19:30" in page
    assert "Bibliotheek" in page


def test_a_meeting_without_a_date_is_refused(coordinator_client, coalition, coordinator):
    response = coordinator_client.post(
        reverse("meetings:create", args=[coalition.uuid]), {"title": "Zonder datum"}
    )
    assert response.status_code == 200
    assert "Vul de datum en begintijd van het overleg in." in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.save_meeting(
            coalition, acting_user=coordinator.user, title="Zonder datum", starts_at=None
        )
    assert "starts_at" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_a_meeting_cannot_end_before_it_starts(coordinator_client, coalition):
    response = coordinator_client.post(
        reverse("meetings:create", args=[coalition.uuid]),
        {"title": "Omgekeerd", "starts_at": "2027-01-14T19:30", "ends_at": "2027-01-14T19:00"},
    )
    assert "Het overleg moet eindigen na het begin." in response.content.decode()
    assert not Meeting.objects.exists()


def test_two_decisions_are_numbered_in_the_meeting(coordinator_client, coalition, meeting):
    url = reverse("meetings:decision_create", args=[coalition.uuid, meeting.uuid])
    coordinator_client.post(url, {"besluit-text": "We starten een koffieochtend."})
    coordinator_client.post(url, {"besluit-text": "De bibliotheek is gastheer."})
    assert list(meeting.decisions.values_list("number", "text")) == [
        (1, "We starten een koffieochtend."),
        (2, "De bibliotheek is gastheer."),
    ]


def test_a_decision_needs_a_meeting():
    field = Decision._meta.get_field("meeting")
    assert not field.null


def test_partner_of_another_coalition_is_refused(coordinator, meeting, foreign_partner):
    user = coordinator.user
    with pytest.raises(ValidationError, match="Kies een partner van deze coalitie"):
        services.add_action(meeting, acting_user=user, text="Bellen", owner_partner=foreign_partner)
    with pytest.raises(ValidationError, match="Kies een partner van deze coalitie"):
        services.set_attendance(
            meeting, acting_user=user, partner=foreign_partner, status="present"
        )
    with pytest.raises(ValidationError, match="Kies alleen partners van deze coalitie"):
        services.save_body(
            meeting.coalition, acting_user=user, name="X", kind="other", members=[foreign_partner]
        )
    assert not ActionItem.objects.exists()
    assert not Attendance.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="meeting.").exists()


def test_an_action_needs_an_owner(coordinator_client, coalition, meeting):
    response = coordinator_client.post(
        reverse("meetings:action_create", args=[coalition.uuid, meeting.uuid]),
        {"actie-text": "Flyers drukken"},
    )
    assert "Geef aan wie de actie oppakt" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_event_of_another_coalition_cannot_go_on_the_agenda(coordinator, meeting):
    other = PartnerFactory()
    event = PartnerEvent.objects.create(partner=other, kind="new_director", date="2026-01-01")
    with pytest.raises(ValidationError, match="Deze verandering hoort niet bij deze coalitie"):
        services.add_agenda_item(meeting, acting_user=coordinator.user, source_event=event)
    assert not AgendaItem.objects.exists()


def test_a_partner_change_goes_on_an_upcoming_meeting(coordinator_client, coalition):
    partner = PartnerFactory(coalition=coalition)
    event = PartnerEvent.objects.create(partner=partner, kind="new_director", date="2026-01-01")
    upcoming = MeetingFactory(
        coalition=coalition, starts_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
    )
    url = reverse("meetings:schedule_event", args=[coalition.uuid, event.uuid])
    assert upcoming.title in coordinator_client.get(url).content.decode()
    response = coordinator_client.post(url, {"meeting": upcoming.pk})
    assert response.status_code == 302
    item = upcoming.agenda_items.get()
    assert item.source_event == event
    assert partner.name in item.title


def test_a_finding_goes_on_the_agenda(coordinator_client, coalition, monkeypatch):
    from samenspel.advice.findings import Finding

    finding = Finding(rule="missing_partner_kinds", subject="", severity="warning", title="Mist")
    monkeypatch.setattr("samenspel.advice.services.current_findings", lambda coalition: [finding])
    upcoming = MeetingFactory(
        coalition=coalition, starts_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
    )
    url = reverse("meetings:schedule_finding", args=[coalition.uuid, "missing_partner_kinds"])
    assert coordinator_client.post(url, {"meeting": upcoming.pk}).status_code == 302
    assert upcoming.agenda_items.get().title == "Mist"
    other = reverse("meetings:schedule_finding", args=[coalition.uuid, "no_such_rule"])
    assert coordinator_client.get(other).status_code == 404


def test_marking_an_action_done(coordinator_client, coalition, meeting):
    action = ActionItemFactory(meeting=meeting)
    response = coordinator_client.post(
        reverse("meetings:action_done", args=[coalition.uuid, action.uuid]), {"terug": "acties"}
    )
    assert response["Location"] == reverse("meetings:actions", args=[coalition.uuid])
    action.refresh_from_db()
    assert action.done_on is not None
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Er zijn geen open acties." in page


def test_list_page_queries_do_not_grow_with_meetings(coordinator_client, coalition):
    def count_for(n: int) -> int:
        Meeting.objects.all().delete()
        body = BodyFactory(coalition=coalition)
        for i in range(n):
            m = MeetingFactory(
                coalition=coalition,
                body=body,
                starts_at=datetime.datetime(2020 + i % 20, 1, 1, tzinfo=datetime.UTC),
            )
            ActionItemFactory(meeting=m)
            Decision.objects.create(meeting=m, number=1, text="Ja")
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(reverse("meetings:list", args=[coalition.uuid]))
        assert response.status_code == 200
        return len(queries)

    assert count_for(3) == count_for(30)


@pytest.mark.parametrize(
    "name",
    [
        "meetings:create",
        "meetings:body_create",
        "meetings:decision_create",
        "meetings:action_create",
    ],
)
def test_read_only_members_cannot_write(reader_client, coalition, meeting, name):
    args = (
        [coalition.uuid]
        if name in {"meetings:create", "meetings:body_create"}
        else [
            coalition.uuid,
            meeting.uuid,
        ]
    )
    assert reader_client.post(reverse(name, args=args), {"title": "x"}).status_code == 403


def test_read_only_members_can_read(reader_client, coalition, meeting):
    for name, args in [
        ("meetings:list", [coalition.uuid]),
        ("meetings:detail", [coalition.uuid, meeting.uuid]),
        ("meetings:actions", [coalition.uuid]),
        ("meetings:bodies", [coalition.uuid]),
    ]:
        assert reader_client.get(reverse(name, args=args)).status_code == 200


def test_a_meeting_of_another_coalition_is_not_found(coordinator_client, coalition):
    other = MeetingFactory()
    url = reverse("meetings:detail", args=[coalition.uuid, other.uuid])
    assert coordinator_client.get(url).status_code == 404
    outsider = client_for(MembershipFactory(coordinator=True).user)
    own = MeetingFactory(coalition=coalition)
    assert (
        outsider.get(reverse("meetings:detail", args=[coalition.uuid, own.uuid])).status_code == 404
    )

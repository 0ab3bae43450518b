import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.meetings import services
from samenspel.meetings.models import AgendaItem, CalendarFeed
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

AMS = ZoneInfo("Europe/Amsterdam")


def feed_url(raw: str, **query: str) -> str:
    url = reverse("meetings:feed", args=[raw])
    return url + ("?coalitie=" + query["coalitie"] if query else "")


def test_feed_has_meetings_at_half_past_seven_in_winter_and_summer(coordinator, coalition):
    winter = MeetingFactory(
        coalition=coalition, title="Winter", location="Dorpshuis",
        starts_at=datetime.datetime(2027, 1, 14, 19, 30, tzinfo=AMS),
    )  # fmt: skip
    AgendaItem.objects.create(meeting=winter, title="Week tegen Eenzaamheid", order=1)
    MeetingFactory(
        coalition=coalition,
        title="Zomer",
        starts_at=datetime.datetime(2027, 7, 8, 19, 30, tzinfo=AMS),
    )
    MeetingFactory(title="Andere coalitie")
    raw = services.issue_calendar_feed(acting_user=coordinator.user)

    response = Client().get(feed_url(raw))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    events = {str(e["SUMMARY"]).split(" (")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Winter", "Zomer"}
    for event in events.values():
        start = event.decoded("DTSTART")
        assert (start.astimezone(AMS).hour, start.astimezone(AMS).minute) == (19, 30)
        assert event["UID"]
        assert event.decoded("DTEND") > start
    assert events["Winter"].decoded("DTSTART").utcoffset() == datetime.timedelta(hours=1)
    assert events["Zomer"].decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert str(events["Winter"]["LOCATION"]) == "Dorpshuis"
    assert "Week tegen Eenzaamheid" in str(events["Winter"]["DESCRIPTION"])
    assert "TZID=Europe/Amsterdam" in response.content.decode()


def test_feed_has_the_persons_open_actions_as_all_day_events(db):
    member = MembershipFactory(partner_member=True)
    meeting = MeetingFactory(coalition=member.coalition)
    ActionItemFactory(
        meeting=meeting, text="Zaal reserveren", owner_partner=member.partner,
        due_on=datetime.date(2027, 2, 1),
    )  # fmt: skip
    ActionItemFactory(meeting=meeting, text="Van een ander", owner_name="Iemand anders",
                      due_on=datetime.date(2027, 2, 1))  # fmt: skip
    ActionItemFactory(
        meeting=meeting, text="Al klaar", owner_partner=member.partner,
        due_on=datetime.date(2027, 2, 1), done_on=datetime.date(2027, 1, 20),
    )  # fmt: skip
    raw = services.issue_calendar_feed(acting_user=member.user)
    calendar = Calendar.from_ical(Client().get(feed_url(raw)).content)
    actions = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("action-")]
    assert [str(e["SUMMARY"]) for e in actions] == ["Actie: Zaal reserveren"]
    assert actions[0].decoded("DTSTART") == datetime.date(2027, 2, 1)


def test_coalition_feed_and_wrong_tokens(coordinator, coalition):
    raw = services.issue_calendar_feed(acting_user=coordinator.user)
    MeetingFactory(coalition=coalition)
    assert Client().get(feed_url(raw, coalitie=str(coalition.uuid))).status_code == 200
    other = MeetingFactory().coalition
    assert Client().get(feed_url(raw, coalitie=str(other.uuid))).status_code == 404
    assert Client().get(feed_url(raw, coalitie="geen-uuid")).status_code == 404
    assert Client().get(feed_url("verkeerd")).status_code == 404


def test_regenerating_invalidates_the_old_address(coordinator_client, coordinator):
    first = coordinator_client.post(reverse("meetings:feed_settings")).content.decode()
    old = re.search(r"/agenda/([^/]+)/samenspel\.ics", first).group(1)
    assert Client().get(feed_url(old)).status_code == 200
    second = coordinator_client.post(reverse("meetings:feed_settings")).content.decode()
    new = re.search(r"/agenda/([^/]+)/samenspel\.ics", second).group(1)
    assert new != old
    assert Client().get(feed_url(old)).status_code == 404
    assert Client().get(feed_url(new)).status_code == 200
    feed = CalendarFeed.objects.get(user=coordinator.user)
    assert new not in feed.digest
    assert old not in feed.digest
    # Shown once: a later visit does not show it again.
    assert new not in coordinator_client.get(reverse("meetings:feed_settings")).content.decode()


@pytest.mark.django_db
def test_reminders_for_tomorrow():
    from samenspel.meetings.reminders import actions_due_tomorrow, meetings_tomorrow
    from samenspel.partners.models import ContactPerson

    partner = PartnerFactory()
    ContactPerson.objects.create(
        partner=partner, name="Els", email="els@example.nl", is_primary=True
    )
    meeting = MeetingFactory(
        coalition=partner.coalition, starts_at=datetime.datetime(2027, 3, 2, 19, 30, tzinfo=AMS)
    )
    services.set_attendance(meeting, acting_user=MembershipFactory().user, partner=partner,
                            status="present")  # fmt: skip
    action = ActionItemFactory(
        meeting=meeting, owner_partner=partner, due_on=datetime.date(2027, 3, 2)
    )
    today = datetime.date(2027, 3, 1)
    [action_reminder] = list(actions_due_tomorrow(today))
    assert action_reminder.to == ("els@example.nl",)
    assert action_reminder.key == f"meeting-action:{action.uuid}:2027-03-02"
    [meeting_reminder] = list(meetings_tomorrow(today))
    assert meeting_reminder.to == ("els@example.nl",)
    assert action_reminder.coalition == meeting_reminder.coalition == meeting.coalition
    assert meeting_reminder.key == f"meeting:{meeting.uuid}:2027-03-02"
    assert "19:30" in meeting_reminder.body

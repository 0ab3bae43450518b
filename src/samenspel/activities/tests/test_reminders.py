import datetime

import pytest

from samenspel.accounts.models import Role
from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities.models import ActivityStatus
from samenspel.activities.reminders import activity_check_due
from samenspel.activities.tests.test_public_finder import make_activity
from samenspel.core.models import SentReminder
from samenspel.mail.reminders import send_due_reminders
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)
# Six months and a day before TODAY: the check counts as too old from TODAY on.
SIX_MONTHS_AGO = datetime.date(2026, 5, 22)


def test_the_provider_s_members_hear_the_day_an_activity_is_due_for_a_check():
    coordinator = MembershipFactory(role=Role.COORDINATOR)
    coalition = coordinator.coalition
    welfare = PartnerFactory(coalition=coalition, name="Welzijn")
    member = MembershipFactory(coalition=coalition, role=Role.PARTNER_MEMBER, partner=welfare)
    due = make_activity(coalition, "Koffie", providers=[welfare], checked_on=SIX_MONTHS_AGO)
    make_activity(coalition, "Recent", providers=[welfare], checked_on=TODAY)
    make_activity(coalition, "Gestopt", checked_on=SIX_MONTHS_AGO, status=ActivityStatus.ENDED)
    unprovided = make_activity(coalition, "Zonder aanbieder", checked_on=SIX_MONTHS_AGO)

    assert list(activity_check_due(TODAY - datetime.timedelta(days=1))) == []
    reminders = {r.key: r for r in activity_check_due(TODAY)}

    assert set(reminders) == {
        f"activity-check:{due.uuid}:2026-05-22",
        f"activity-check:{unprovided.uuid}:2026-05-22",
    }
    mine = reminders[f"activity-check:{due.uuid}:2026-05-22"]
    assert mine.to == (member.user.email,)
    assert mine.coalition == due.coalition
    assert mine.subject == "Klopt 'Koffie' nog?"
    assert "6 maanden" in mine.body
    # Without a provider with members in Samenspel, the coordinators keep it up to date.
    assert reminders[f"activity-check:{unprovided.uuid}:2026-05-22"].to == (coordinator.user.email,)


def test_a_missed_day_is_caught_up_and_each_reminder_goes_out_once(mailoutbox):
    coordinator = MembershipFactory(role=Role.COORDINATOR)
    make_activity(coordinator.coalition, "Koffie", checked_on=SIX_MONTHS_AGO)
    later = TODAY + datetime.timedelta(days=10)

    assert send_due_reminders(later) == 1
    assert send_due_reminders(later) == 0
    assert send_due_reminders(later + datetime.timedelta(days=1)) == 0
    assert SentReminder.objects.filter(key__startswith="activity-check:").count() == 1

"""'Mijn werk': a partner member's work over two coalitions, what changed since the last visit,
nothing of anyone else's, and the same number of queries for one or several coalitions."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for
from samenspel.activities.models import Activity
from samenspel.agreements.tests.factories import PartnerAgreementFactory
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans.models import Respondent, RoundStatus
from samenspel.scans.services import respondent_url
from samenspel.scans.tests.test_results import make_round
from samenspel.workspace.models import WorkVisit

pytestmark = pytest.mark.django_db

URL = reverse("work:my_work")
NOW = datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def member():
    user = UserFactory(email="fatima@example.nl", full_name="Fatima Bakker")
    return MembershipFactory(user=user, partner_member=True)


def work(response):
    return {
        row.membership.coalition.name: {
            kind.key: [item.title for item in kind.items] for kind in row.kinds
        }
        for row in response.context["rows"]
    }


def give_work(membership):
    """One of each kind of work for the member's organisation, and the same for another one."""
    coalition, partner = membership.coalition, membership.partner
    other = PartnerFactory(coalition=coalition)
    meeting = MeetingFactory(coalition=coalition)
    ActionItemFactory(meeting=meeting, text="Flyers drukken", owner_partner=partner, owner_name="")
    ActionItemFactory(
        meeting=meeting, text="Zaal huren", owner_partner=None, owner_name="fatima bakker"
    )
    ActionItemFactory(meeting=meeting, text="Niet van mij", owner_partner=other, owner_name="")
    PartnerAgreementFactory(
        coalition=coalition, partner=partner, review_date=datetime.date(2027, 3, 20)
    )
    PartnerAgreementFactory(
        coalition=coalition, partner=other, review_date=datetime.date(2027, 3, 20)
    )
    scan_round = make_round(coalition, title="Voorjaar", status=RoundStatus.OPEN)
    Respondent.objects.create(
        round=scan_round, partner=partner, name="F", email="Fatima@example.nl"
    )
    for owner, title in ((partner, "Eigen wandelgroep"), (other, "Andermans koor")):
        activity = Activity.objects.create(
            coalition=coalition, title=title, description="x", kind="sports", checked_on=None
        )
        activity.providers.set([owner])


@time_machine.travel(NOW, tick=False)
def test_a_partner_member_sees_their_own_work_in_every_coalition(member):
    second = MembershipFactory(user=member.user, partner_member=True)
    give_work(member)
    give_work(second)
    response = client_for(member.user).get(URL)
    assert response.status_code == 200
    expected = {
        "actions": ["Flyers drukken", "Zaal huren"],
        "reviews": [member.partner.name],
        "scans": ["Voorjaar"],
        "activities": ["Eigen wandelgroep"],
    }
    found = work(response)
    assert found[member.coalition.name] == expected
    assert found[second.coalition.name] == {**expected, "reviews": [second.partner.name]}
    invitation = Respondent.objects.get(round__coalition=member.coalition)
    assert respondent_url(invitation) in response.content.decode()  # the personal link


@time_machine.travel(NOW, tick=False)
def test_a_coordinator_sees_every_review_and_activity_of_the_coalition(member):
    coordinator = MembershipFactory(coalition=member.coalition, coordinator=True)
    give_work(member)
    found = work(client_for(coordinator.user).get(URL))[member.coalition.name]
    assert len(found["reviews"]) == 2
    assert sorted(found["activities"]) == ["Andermans koor", "Eigen wandelgroep"]
    assert "actions" not in found  # not theirs
    assert "scans" not in found


def test_what_changed_since_the_last_visit(member):
    with time_machine.travel(NOW, tick=False) as traveller:
        client = client_for(member.user)
        first = client.get(URL)
        assert first.context["first_visit"]
        assert "Dit is uw eerste bezoek" in first.content.decode()
        assert WorkVisit.objects.get(membership=member).seen_at == NOW
        traveller.shift(datetime.timedelta(days=1))
        PartnerFactory(coalition=member.coalition)
        MeetingFactory(coalition=member.coalition)
        PartnerFactory()  # another coalition: not counted
        traveller.shift(datetime.timedelta(days=1))
        second = client.get(URL)
        (row,) = second.context["rows"]
        assert row.seen_at == NOW
        assert row.changes == [("nieuwe partners", 1), ("nieuwe overleggen", 1)]
        traveller.shift(datetime.timedelta(days=1))
        third = client.get(URL)
        assert third.context["rows"][0].changes == []
        assert "Niets nieuws sinds" in third.content.decode()


def test_the_page_reads_the_same_queries_for_one_or_three_coalitions(member):
    client = client_for(member.user)
    give_work(member)
    client.get(URL)  # the first visit

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    one = count()
    for _ in range(2):
        give_work(MembershipFactory(user=member.user, partner_member=True))
    assert count() == one


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

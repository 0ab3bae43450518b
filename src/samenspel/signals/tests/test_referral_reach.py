"""A referral to an activity counts in that activity's reach: as a number on the activity's page
and in its API, hidden under 10 as every figure about residents, and never who."""

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for, client_for
from samenspel.signals import services
from samenspel.signals.tests.factories import (
    RESIDENT,
    ActivityFactory,
    SignalFactory,
    setup_signals,
)
from samenspel.signals.workflow import Status

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


def _referred(scene, activity, count):
    for _n in range(count):
        SignalFactory(
            coalition=scene.coalition,
            intake=scene.intake,
            status=Status.REFERRED,
            activity=activity,
        )


def _shown(member, activity):
    coalition = activity.coalition.uuid
    page = client_for(member.user).get(
        reverse("activities:detail", args=[coalition, activity.uuid])
    )
    api = api_client_for(member.user).get(
        f"/api/v1/coalitions/{coalition}/activities/{activity.uuid}/"
    )
    assert page.status_code == api.status_code == 200
    assert RESIDENT["resident_name"] not in page.content.decode() + api.content.decode()
    return page.content.decode(), api.json()["referrals"]


def test_a_referral_through_the_follow_up_counts_once_there_are_ten():
    scene = setup_signals()
    activity = ActivityFactory(coalition=scene.coalition)
    coordinator = MembershipFactory(coalition=scene.coalition, coordinator=True)
    _referred(scene, activity, 9)

    page, referrals = _shown(coordinator, activity)
    assert referrals is None
    assert "Na een zorgsignaal doorverwezen: minder dan 10 inwoners" in page

    signal = SignalFactory(
        coalition=scene.coalition, intake=scene.intake, status=Status.CONTACT_MADE
    )
    services.refer(signal, activity, acting_user=scene.intake_member.user)
    page, referrals = _shown(coordinator, activity)
    assert referrals == 10
    assert "Na een zorgsignaal doorverwezen: 10 inwoners." in page


def test_an_anonymised_signal_still_counts_and_other_activities_do_not():
    scene = setup_signals()
    activity = ActivityFactory(coalition=scene.coalition)
    other = ActivityFactory(coalition=scene.coalition)
    _referred(scene, activity, 11)
    erased = activity.referrals.correlated().first()
    services.erase(erased, acting_user=scene.intake_member.user)
    member = MembershipFactory(coalition=scene.coalition, read_only=True)

    assert _shown(member, activity)[1] == 11
    assert _shown(member, other)[1] is None

"""The demo signals of Samen Dijkerveen: one in every status, handled by the demo partner's
organisation, and an open meldpunt."""

import pytest

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory
from samenspel.demo.signals import DEMO_TOTP_SECRET, add_signals
from samenspel.signals.models import Signal
from samenspel.signals.tests.factories import ActivityFactory
from samenspel.signals.workflow import Status

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_signal_in_every_status_for_the_partner_organisation():
    member = MembershipFactory(partner_member=True)
    ActivityFactory(coalition=member.coalition)
    add_signals(member.coalition, member, UserFactory(), DEMO_TOTP_SECRET)
    statuses = set(Signal.objects.visible_to(member).values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert member.coalition.signal_settings.meldpunt_open

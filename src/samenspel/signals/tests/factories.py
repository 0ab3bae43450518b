"""Factories of signals; `setup_signals` gives a coalition an intake and a handling organisation
with one member each, plus an outsider organisation's member."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import factory
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from factory.django import DjangoModelFactory
from rest_framework.test import APIClient

from samenspel.accounts.models import ApiToken, Membership, User
from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities.models import Activity, ActivityKind
from samenspel.coalitions.models import Coalition
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.partners.models import Partner, PartnerKind
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.signals import services, workflow
from samenspel.signals.models import (
    Awareness,
    ConsentMethod,
    Purpose,
    Signal,
    SignalSettings,
    SourceKind,
)
from samenspel.signals.workflow import Status, Urgency

# Values that must never appear outside the holder's pages (searched for in the tests).
RESIDENT = {
    "resident_name": "Geertruida Vlasblom",
    "address": "Lindelaan 17, Dijkerveen",
    "phone": "0612398745",
    "how_to_reach": "Ochtends thuis, bel twee keer aan",
    "situation": "Sinds het overlijden van haar man komt zij niet meer bij de soos",
}


class ActivityFactory(DjangoModelFactory):
    """An activity of the coalition's offer, to refer a resident to."""

    class Meta:
        model = Activity

    coalition = factory.SubFactory(CoalitionFactory)
    title = factory.Sequence(lambda n: f"Koffieochtend {n}")
    description = "Samen koffie drinken en een praatje maken."
    kind = ActivityKind.values[0]


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal

    coalition = factory.SubFactory(CoalitionFactory)
    intake = factory.SubFactory(PartnerFactory, coalition=factory.SelfAttribute("..coalition"))
    holder = factory.SelfAttribute("intake")
    source_kind = SourceKind.CARE
    urgency = Urgency.NORMAL
    awareness = Awareness.AGREES
    status = Status.RECEIVED
    status_since = factory.LazyFunction(timezone.localdate)
    deadline = factory.LazyAttribute(
        lambda o: workflow.deadline(o.status, o.urgency, o.status_since)
    )
    resident_name = RESIDENT["resident_name"]
    address = RESIDENT["address"]
    phone = RESIDENT["phone"]
    birth_date = datetime.date(1941, 3, 9)
    how_to_reach = RESIDENT["how_to_reach"]
    situation = RESIDENT["situation"]
    signs = "recent_loss,withdraws"


@dataclass
class Scene:
    coalition: Coalition
    intake: Partner
    handler: Partner
    other: Partner
    intake_member: Membership
    handler_member: Membership
    other_member: Membership
    coordinator: Membership


def setup_signals() -> Scene:
    coalition = CoalitionFactory()
    intake = PartnerFactory(coalition=coalition, name="Welzijn Dijkerveen")
    handler = PartnerFactory(
        coalition=coalition, name="Buurtteam Noord", kind=PartnerKind.NEIGHBOURHOOD_TEAM
    )
    other = PartnerFactory(coalition=coalition, name="Huisartsen", kind=PartnerKind.CARE_PROVIDERS)
    SignalSettings.objects.create(coalition=coalition, intake=intake, meldpunt_open=True)
    return Scene(
        coalition=coalition,
        intake=intake,
        handler=handler,
        other=other,
        intake_member=MembershipFactory(coalition=coalition, partner_member=True, partner=intake),
        handler_member=MembershipFactory(coalition=coalition, partner_member=True, partner=handler),
        other_member=MembershipFactory(coalition=coalition, partner_member=True, partner=other),
        coordinator=MembershipFactory(coalition=coalition, coordinator=True),
    )


def verified_client_for(user: User) -> Client:
    """A logged-in client whose session passed the second factor (as after the code page)."""
    client = client_for(user)
    device = StaticDevice.objects.create(user=user, name="test")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def api_client_with_second_factor(user: User) -> APIClient:
    """An API client with a personal token that was issued with a second factor (`otp`)."""
    _token, raw = ApiToken.issue(user, "Met tweede factor", second_factor=True)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    client.default_format = "json"
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    return client


def record_consents(
    signal: Signal, user: User, count: int = 1, purpose: str = Purpose.VISIT
) -> None:
    """`count` consent records for `purpose`, given by phone in January, through the service."""
    for _n in range(count):
        services.record_consent(
            signal,
            acting_user=user,
            purpose=purpose,
            method=ConsentMethod.PHONE,
            given_on=datetime.date(2026, 1, 5),
        )

"""Tenancy over the whole URL configuration, not a hand-picked list.

Every URL pattern is visited (GET and POST) by an outsider (a coordinator of another coalition)
and by an anonymous visitor. Patterns that take a tenant identifier must answer the outsider
with 403 or 404; non-public pages must send anonymous visitors to log in. A new URL with an
identifier this test cannot fill makes the test fail, so nobody adds a route without it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samenspel.accounts.models import ApiToken, Invitation
from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.agreements.models import Covenant, PartnerAgreement, ProcessStep, Signatory
from samenspel.evaluations.models import Evaluation, EvaluationMoment
from samenspel.funding.models import FundingSource
from samenspel.guide.content import all_activity_keys
from samenspel.mail.models import OutgoingMail
from samenspel.partners.models import ContactPerson, PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans.models import Round

# Reachable without logging in, by design.
PUBLIC = {
    "healthz",
    "readyz",
    "national_public:figures",  # the published national aggregates, small numbers hidden
    "national_public:json",
    "national_public:csv",
    "about",
    "set_language",
    "openapi",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:accept_invitation",
    "auth_api:token",
    "scans:answer",
    "scans_api:respond",
    "meetings:feed",  # calendar apps cannot log in: the secret address is the key
    # The public finder: residents need no account; it shows published activities only.
    "finder:index",
    "finder:embed",
    "finder:activity",
    "finder:print",
    "finder:ics",
    "finder_api:services",
    # The meldpunt: residents report a worry without an account and see only its status.
    "meldpunt:form",
    "meldpunt:status",
    "api_not_found",  # the 404 problem for any /api/v1/ path that names no endpoint
}
# URL keyword arguments that identify another coalition's data.
TENANT_KWARGS = {
    "coalition",
    "partner",
    "contact",
    "event",
    "invitation",
    "member",
    "token",
    "round",
    "source",
    "moment",
    "evaluation",
    "agreement",
    "step",
    "signatory",
    "agenda_item",
    "attendance",
    "decision",
    "activity",
    "record",
    "batch",
    "neighbourhood",
    "mail",
}
# Where two apps use the same URL keyword for different things: the URL names' prefix, and
# which fixture value fills the keyword there.
OWN_VALUES = {
    ("activities:", "activities_api:", "activity_imports", "finder"): {"activity": "offer"},
}


def walk(patterns: list, namespace: str = "") -> Iterator[tuple[str, list[str]]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            for name, kwargs in walk(entry.url_patterns, inner):
                yield name, sorted(set(kwargs) | set(entry.pattern.converters))
        elif isinstance(entry, URLPattern):
            assert entry.name, f"URL pattern {entry.pattern} has no name"
            yield f"{namespace}{entry.name}", sorted(entry.pattern.converters)


ROUTES = sorted({(name, tuple(kwargs)) for name, kwargs in walk(get_resolver().url_patterns)})


@pytest.fixture
def tenant(db):
    """Coalition A with one of everything that has its own URL."""
    coordinator = MembershipFactory(coordinator=True)
    coalition = coordinator.coalition
    partner = PartnerFactory(coalition=coalition)
    token, _raw = ApiToken.issue(coordinator.user, "A")
    _raw_invite, digest = Invitation.new_secret()
    covenant = Covenant.objects.create(coalition=coalition)
    return {
        "agreement": PartnerAgreement.objects.create(
            coalition=coalition,
            partner=partner,
            role="participant",
            expectations="A",
            start_date="2024-01-01",
            review_date="2025-01-01",
        ).uuid,
        "step": ProcessStep.objects.create(
            coalition=coalition, title="Stap A", due_date="2024-01-01"
        ).uuid,
        "signatory": Signatory.objects.create(covenant=covenant, partner=partner, name="A").uuid,
        "coalition": coalition.uuid,
        "partner": partner.uuid,
        "contact": ContactPerson.objects.create(partner=partner, name="Contact A").uuid,
        "event": PartnerEvent.objects.create(partner=partner, kind="other", date="2024-01-01").uuid,
        "invitation": Invitation.objects.create(
            coalition=coalition, email="nieuw@example.nl", role="read_only", token_digest=digest
        ).uuid,
        "member": coordinator.uuid,
        "mail": OutgoingMail.objects.create(
            coalition=coalition, kind="invitation", recipient="a@example.nl", status="failed"
        ).uuid,
        "token": token.uuid,
        "activity": sorted(all_activity_keys())[0],
        "section": "phases",
        "item": "initiate",
        "uidb64": "MQ",
        "round": Round.objects.create(
            coalition=coalition,
            instrument_key="conditions",
            instrument_version=1,
            title="Ronde A",
            closes_on="2099-01-01",
        ).uuid,
        "instrument": "conditions",
        "version": 1,
        "rule": "missing_partner_kinds",
        "document": "agenda",
        "table": "partners",
        "format": "csv",
        "indicator": "reach",
        "year": 2025,
        "pillar": "strong_network",
        "source": FundingSource.objects.create(
            coalition=coalition,
            kind="fund",
            funder_name="Fonds A",
            amount="1000.00",
            start_date="2024-01-01",
        ).uuid,
        "moment": EvaluationMoment.objects.create(
            coalition=coalition, planned_on="2099-01-01"
        ).uuid,
        "evaluation": Evaluation.objects.create(
            coalition=coalition,
            held_on="2024-01-01",
            successes="Goed",
            bottlenecks="Tijd",
            continuation="Door",
        ).uuid,
        **_meeting_values(coalition, partner),
        **_offer_values(coalition, partner, coordinator.user),
        **_signal_values(coalition, partner),
    }


def _signal_values(coalition, partner) -> dict:
    from samenspel.signals.models import Consent
    from samenspel.signals.tests.factories import SignalFactory

    signal = SignalFactory(coalition=coalition, intake=partner)
    consent = Consent.objects.create(
        signal=signal, purpose="handover", method="phone", given_on="2024-01-01"
    )
    return {"signal": signal.uuid, "consent": consent.uuid}


def _offer_values(coalition, partner, user) -> dict:
    from samenspel.activities.importing import preview_import
    from samenspel.activities.models import Activity, ReachRecord
    from samenspel.coalitions.models import Neighbourhood

    activity = Activity.objects.create(
        coalition=coalition, title="Koffie A", description="Koffie", kind="meeting_place"
    )
    activity.providers.add(partner)
    batch = preview_import(
        coalition, b"titel;omschrijving;soort\r\nA;B;Anders\r\n", "a.csv", acting_user=user
    )
    return {
        "offer": activity.uuid,
        "record": ReachRecord.objects.create(
            activity=activity, period_start="2024-01-01", period_end="2024-03-31"
        ).uuid,
        "neighbourhood": Neighbourhood.objects.create(coalition=coalition, name="Wijk A").uuid,
        "batch": batch.uuid,
        "name": "activities.csv",
    }


def _meeting_values(coalition, partner) -> dict:
    from samenspel.meetings.models import (
        ActionItem,
        AgendaItem,
        Attendance,
        Body,
        Decision,
        Meeting,
    )

    meeting = Meeting.objects.create(
        coalition=coalition, title="Kerngroep A", starts_at="2099-01-01T19:30:00+01:00"
    )
    return {
        "body": Body.objects.create(coalition=coalition, name="Kerngroep", kind="core_group").uuid,
        "meeting": meeting.uuid,
        "action": ActionItem.objects.create(
            meeting=meeting, text="Bellen", owner_partner=partner
        ).uuid,
        "feed": "onbekend-adres",
        "agenda_item": AgendaItem.objects.create(meeting=meeting, title="Punt A").uuid,
        "attendance": Attendance.objects.create(
            meeting=meeting, partner=partner, status="present"
        ).uuid,
        "decision": Decision.objects.create(meeting=meeting, number=1, text="Ja").uuid,
    }


def url_for(name: str, kwargs: tuple[str, ...], values: dict) -> str:
    for prefixes, renames in OWN_VALUES.items():
        if name.startswith(prefixes):
            values = {**values, **{kwarg: values[key] for kwarg, key in renames.items()}}
    unknown = set(kwargs) - set(values)
    assert not unknown, f"{name}: the tenancy test cannot fill {unknown}; add it to the fixture"
    return reverse(name, kwargs={key: values[key] for key in kwargs})


METHODS = ("get", "post", "put", "patch", "delete")


@pytest.mark.parametrize(
    ("name", "kwargs"), [r for r in ROUTES if TENANT_KWARGS & set(r[1]) and r[0] not in PUBLIC]
)
def test_outsider_gets_403_or_404(name, kwargs, tenant):
    """Every method: refused (403/404) or not offered at all (405), and at least one refusal."""
    client = client_for(MembershipFactory(coordinator=True).user)
    url = url_for(name, kwargs, tenant)
    statuses = {method: getattr(client, method)(url).status_code for method in METHODS}
    assert set(statuses.values()) <= {403, 404, 405}, f"{name}: {statuses}"
    assert {403, 404} & set(statuses.values()), f"{name}: {statuses}"


@pytest.mark.parametrize(("name", "kwargs"), [r for r in ROUTES if r[0] not in PUBLIC])
def test_anonymous_is_sent_to_log_in(name, kwargs, tenant):
    url = url_for(name, kwargs, tenant)
    response = Client().get(url)
    if response.status_code == 405:
        response = Client().post(url)
    if url.startswith("/api/"):
        assert response.status_code == 401, f"{name}: {response.status_code}"
    else:
        assert response.status_code == 302, f"{name}: {response.status_code}"
        assert response["Location"].startswith(reverse("accounts:login"))


def test_every_route_is_classified():
    """A sanity check that the walk found the project's pages and API."""
    names = {name for name, _kwargs in ROUTES}
    assert {"coalitions:dashboard", "partners:detail", "guide:item", "members:list"} <= names
    assert any(name.startswith("auth_api:") for name in names)

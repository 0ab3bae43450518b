"""Signals of loneliness for the demo coalition "Samen Dijkerveen": the welfare organisation of
the demo partner is the intake organisation and handles the signals itself, one in every status;
the meldpunt is open. Every resident here is made up."""

from __future__ import annotations

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts import two_factor
from samenspel.accounts.models import Membership, User
from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.partners.models import Partner
from samenspel.signals import selectors, services
from samenspel.signals.models import Awareness, ConsentMethod, Purpose, Signal
from samenspel.signals.workflow import Outcome, Status

# (made-up name, street, the steps after handover that bring it to its status)
RESIDENTS: list[tuple[str, str, list[str]]] = [
    ("Mevrouw J. Verzonnen", "Dijkstraat 1", []),
    ("Meneer K. Bedacht", "Dijkstraat 3", [Status.IN_TRIAGE]),
    ("Mevrouw L. Fictief", "Polderweg 12", ["handover"]),
    ("Meneer M. Voorbeeld", "Polderweg 14", ["handover", "accept"]),
    ("Mevrouw N. Proef", "Kerkpad 2", ["handover", "accept", Status.CONTACT_MADE]),
    ("Meneer O. Oefen", "Kerkpad 4", ["handover", "accept", Status.UNREACHABLE]),
    (
        "Mevrouw P. Demo",
        "Molenlaan 8",
        ["handover", "accept", Status.CONTACT_MADE, Status.RESIDENT_DECLINES],
    ),
    (
        "Meneer R. Test",
        "Molenlaan 10",
        ["handover", "accept", Status.CONTACT_MADE, Status.IN_SUPPORT],
    ),
    ("Mevrouw S. Schets", "Beukenhof 5", ["handover", "accept", Status.CONTACT_MADE, "refer"]),
    (
        "Meneer T. Ontwerp",
        "Beukenhof 7",
        ["handover", "accept", Status.CONTACT_MADE, Status.IN_SUPPORT, Status.CLOSED],
    ),
]


# The base32 key of the demo partner's authenticator app (SAMENSPEL_DEMO_TOTP_SECRET overrides it):
# it sees residents' data, so it logs in with a second factor.
DEMO_TOTP_SECRET = "SAMENSPELDEMOTOTPSLEUTEL23456723"  # noqa: S105 - a documented demo key


def add_signals(
    coalition: Coalition, member: Membership, coordinator: User, totp_secret: str
) -> None:
    welfare = member.partner
    assert welfare is not None
    TOTPDevice.objects.create(
        user=member.user,
        name=two_factor.APP_DEVICE,
        key=base64.b32decode(totp_secret).hex(),
        confirmed=True,
    )
    services.save_settings(
        coalition,
        acting_user=coordinator,
        intake=welfare,
        meldpunt_open=True,
        urgent_help="Meldpunt Zorg en Overlast gemeente Dijkerveen: 14 0999 (verzonnen nummer)",
    )
    wijk = Neighbourhood.objects.of_coalition(coalition).order_by("name").first()
    activity = Activity.objects.of_coalition(coalition).order_by("title").first()
    for name, street, steps in RESIDENTS:
        signal = services.record_signal(
            member,
            acting_user=member.user,
            awareness=Awareness.AGREES,
            consent_purposes=[Purpose.HANDOVER, Purpose.VISIT],
            consent_method=ConsentMethod.IN_PERSON,
            signs=["few_visitors", "recent_loss"],
            resident_name=name,
            address=f"{street}, Dijkerveen",
            neighbourhood=wijk,
            situation="Verzonnen voorbeeld: komt sinds een verhuizing weinig buiten.",
        )
        _walk(signal, steps, welfare, member.user, activity)


def _walk(
    signal: Signal, steps: list[str], welfare: Partner, user: User, activity: Activity | None
) -> None:
    for step in steps:
        if step == "handover":
            services.hand_over(signal, welfare, acting_user=user)
        elif step == "accept":
            handover = selectors.open_handover(signal)
            assert handover is not None
            services.decide(handover, accept=True, acting_user=user)
        elif step == "refer":
            services.refer(signal, activity, acting_user=user)
        elif step == Status.CLOSED:
            services.move(signal, step, outcome=Outcome.SUPPORTED, acting_user=user)
        else:
            services.move(signal, step, acting_user=user)

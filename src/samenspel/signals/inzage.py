"""Everything Samenspel holds about the resident of one signal, for the resident's right of
access (inzage): the signal, its consent records, its handovers and who looked at it."""

from __future__ import annotations

from typing import Any

from samenspel.core.audit import plain
from samenspel.signals import selectors
from samenspel.signals.models import PERSONAL, Signal

SIGNAL_FACTS = (
    "status",
    "urgency",
    "awareness",
    "source_kind",
    "received_at",
    "first_contact_at",
    "closed_at",
    "outcome",
)


def export(signal: Signal) -> dict[str, Any]:
    data: dict[str, Any] = {"kenmerk": signal.short_code}
    data["gegevens"] = {name: plain(getattr(signal, name)) for name in PERSONAL}
    data["verloop"] = {name: plain(getattr(signal, name)) for name in SIGNAL_FACTS}
    data["wijk"] = signal.neighbourhood.name if signal.neighbourhood else None
    data["doorverwezen_naar"] = signal.activity.title if signal.activity else None
    data["toestemmingen"] = [
        {
            "doel": consent.purpose,
            "hoe": consent.method,
            "gegeven_op": plain(consent.given_on),
            "ingetrokken_op": plain(consent.withdrawn_at),
        }
        for consent in selectors.consents_of(signal)
    ]
    data["overdrachten"] = [
        {
            "aan": handover.to.name,
            "op": plain(handover.handed_over_at),
            "besluit": handover.decision,
            "reden_zonder_toestemming": handover.exception_reason,
            "reden_van_afwijzen": handover.decline_reason,
        }
        for handover in selectors.handovers_of(signal)
    ]
    data["inzage"] = [
        {"op": plain(read.at), "door": read.who, "waarvoor": read.purpose}
        for read in selectors.read_log(signal)
    ]
    return data

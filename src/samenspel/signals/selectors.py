"""Reads of signals shared by the pages (and later the API): always through `visible_to`, so a
signal exists only for the members of the organisation that holds it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.http import HttpRequest

from samenspel.accounts.models import User
from samenspel.core import audit
from samenspel.core.models import ReadEvent
from samenspel.core.paging import UncountedPage, uncounted_page
from samenspel.core.sorting import Sorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.signals.models import Consent, Handover, Signal, SignalQuerySet
from samenspel.signals.workflow import Status, Urgency

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership

# A list shows no personal field, so reading it needs no entry in the read log.
LIST_FIELDS = (
    "uuid",
    "coalition_id",
    "status",
    "urgency",
    "deadline",
    "received_at",
    "source_kind",
    "neighbourhood__name",
)


def held_signals(membership: Membership) -> SignalQuerySet:
    """The signals the member's organisation holds, the first deadline first (closed ones, which
    have none, last), in the order of the index `signal_holder_list`."""
    return (
        Signal.objects.visible_to(membership)
        .select_related("neighbourhood")
        .only(*LIST_FIELDS)
        .order_by(F("deadline").asc(nulls_last=True), "-received_at", "pk")
    )


# The columns the holder's list can be sorted by (URL key: order); none of them is personal. The
# default is the order of the index `signal_holder_list` (see `held_signals`); a status sorts in
# the order of the steps, not of the alphabet.
SORTING = Sorting(
    columns={
        "termijn": "deadline",
        "status": Case(
            *(When(status=value, then=Value(n)) for n, value in enumerate(Status.values)),
            output_field=IntegerField(),
        ),
        "urgentie": "urgency",
        "wijk": "neighbourhood__name",
        "ontvangen": "received_at",
    },
    default="termijn",
    empty_last=True,
    then=("-received_at", "pk"),
)


@dataclass(frozen=True)
class ListedSignal:
    """A row of the list, as plain values: no personal field, nothing to decrypt."""

    uuid: UUID
    status: str
    urgency: str
    deadline: datetime.date | None
    wijk: str
    received_at: datetime.datetime

    @property
    def short_code(self) -> str:
        return str(self.uuid)[:8]  # as Signal.short_code


def held_page(
    membership: Membership, number: Any, per_page: int, signals: QuerySet[Signal] | None = None
) -> UncountedPage[ListedSignal]:
    """One page of `held_signals` in one query; `signals`: those same signals in another order
    (`SORTING`). Each label is translated once per page, not per row (a model's
    `get_FOO_display` translates every choice again for each row)."""
    if signals is None:
        signals = held_signals(membership)
    values = signals.values_list(
        "uuid", "status", "urgency", "deadline", "received_at", "neighbourhood__name"
    )
    page = uncounted_page(values, number, per_page)
    statuses, urgencies = dict(Status.choices), dict(Urgency.choices)
    rows = [
        ListedSignal(uuid, str(statuses[status]), str(urgencies[urgency]), deadline, wijk or "", at)
        for uuid, status, urgency, deadline, at, wijk in page.object_list
    ]
    return replace(page, object_list=rows)


def signal_for(membership: Membership, uuid: UUID | str) -> Signal:
    return lookup_or_404(
        Signal.objects.visible_to(membership).select_related(
            "holder", "intake", "handling", "neighbourhood", "activity", "recorded_by"
        ),
        uuid,
    )


def consents_of(signal: Signal) -> QuerySet[Consent]:
    # Read by the key of a signal that went through `visible_to`.
    return Consent.objects.correlated().filter(signal=signal).select_related("obtained_by")


def handovers_of(signal: Signal) -> QuerySet[Handover]:
    return Handover.objects.correlated().filter(signal=signal).select_related("to")


def open_handover(signal: Signal) -> Handover | None:
    return handovers_of(signal).filter(decision="").order_by("-handed_over_at").first()


def log_personal_read(request: HttpRequest, signal: Signal, purpose: str) -> None:
    """Who read this signal's personal data, when and from where: ids only."""
    audit.log_read(
        signal,
        acting_user=request.user if isinstance(request.user, User) else None,
        coalition=signal.coalition,
        purpose=purpose,
        ip_address=getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR"),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


@dataclass(frozen=True)
class Read:
    at: datetime.datetime
    who: str
    purpose: str
    ip_address: str | None


def read_log(signal: Signal) -> list[Read]:
    """Every logged read of the signal, newest first, with the reader's name. The log lives in
    its own database, so the names are read apart (one query)."""
    events = list(
        ReadEvent.objects.of_coalition(signal.coalition_id)
        .filter(object_type=Signal._meta.label_lower, object_uuid=signal.uuid)
        .order_by("-created_at", "-id")
    )
    names = dict(
        User.objects.filter(pk__in={e.actor_id for e in events}).values_list("pk", "full_name")
    )
    return [
        Read(e.created_at, names.get(e.actor_id or 0, "?"), e.purpose, e.ip_address) for e in events
    ]

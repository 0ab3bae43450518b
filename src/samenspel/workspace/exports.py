"""Exports of one coalition as .xlsx or CSV: partners, members, actions, decisions and funding.

Each table reads its rows through a door in ONE query (plain values, labels translated here, at
the edge) and is written by `core.spreadsheets`, the same writer as the activity export. The
members table holds e-mail addresses: only who may manage members gets it, and the download is
logged as a read of personal data (`samenspel.core.audit.log_read`) by the view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import Membership, Role
from samenspel.accounts.policy import Permission
from samenspel.core.choices import label
from samenspel.funding.models import FundingKind, FundingSource
from samenspel.meetings.models import ActionItem, Decision
from samenspel.partners.models import Circle, Partner, PartnerKind

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition

Table = tuple[list[str], Iterator[list[Any]]]


def _partners(coalition: Coalition) -> Table:
    rows = (
        Partner.objects.of_coalition(coalition)
        .order_by("name", "pk")
        .values_list("name", "kind", "circle", "joined_on", "left_on", "brings", "takes")
    )
    headers = [_("naam"), _("soort"), _("cirkel"), _("lid sinds"), _("vertrokken op")]
    return [str(h) for h in [*headers, _("wat brengt de partner"), _("wat haalt de partner")]], (
        [name, label(PartnerKind, kind), label(Circle, circle), *rest]
        for name, kind, circle, *rest in rows
    )


def _members(coalition: Coalition) -> Table:
    rows = (
        Membership.objects.of_coalition(coalition)
        .order_by("user__full_name", "pk")
        .values_list("user__full_name", "user__email", "role", "partner__name", "created_at")
    )
    headers = [_("naam"), _("e-mailadres"), _("rol"), _("namens partner"), _("lid sinds")]
    return [str(h) for h in headers], (
        [name, email, label(Role, role), partner or "", created.date()]
        for name, email, role, partner, created in rows
    )


def _actions(coalition: Coalition) -> Table:
    rows = (
        ActionItem.objects.of_coalition(coalition)
        .order_by("done_on", "due_on", "pk")
        .values_list(
            "text", "owner_name", "owner_partner__name", "due_on", "done_on", "meeting__title"
        )
    )
    headers = [_("actie"), _("wie"), _("partner"), _("uiterlijk"), _("afgerond op"), _("overleg")]
    return [str(h) for h in headers], (
        [text, name, partner or "", due, done, meeting]
        for text, name, partner, due, done, meeting in rows
    )


def _decisions(coalition: Coalition) -> Table:
    rows = (
        Decision.objects.of_coalition(coalition)
        .order_by("meeting__starts_at", "number")
        .values_list("meeting__starts_at", "meeting__title", "number", "text")
    )
    headers = [_("datum"), _("overleg"), _("nummer"), _("besluit")]
    return [str(h) for h in headers], (
        [starts.date(), title, number, text] for starts, title, number, text in rows
    )


def _funding(coalition: Coalition) -> Table:
    rows = (
        FundingSource.objects.of_coalition(coalition)
        .order_by("end_date", "pk")
        .values_list(
            "kind", "funder_name", "funder_partner__name", "amount", "start_date", "end_date"
        )
    )
    headers = [
        _("soort"),
        _("financier"),
        _("financier is partner"),
        _("bedrag in euro"),
        _("startdatum"),
        _("einddatum"),
    ]
    return [str(h) for h in headers], (
        [label(FundingKind, kind), funder, partner or "", *rest]
        for kind, funder, partner, *rest in rows
    )


@dataclass(frozen=True)
class Export:
    key: str  # in the URL and the file name
    title: Any  # a lazy translation: the sheet and the page
    table: Callable[[Coalition], Table]
    permission: Permission = Permission.VIEW_COALITION
    personal: bool = False  # holds personal data: its download is logged as a read


EXPORTS = {
    export.key: export
    for export in (
        Export("partners", _("Partners"), _partners),
        Export("leden", _("Leden"), _members, permission=Permission.MANAGE_MEMBERS, personal=True),
        Export("actiepunten", _("Actiepunten"), _actions),
        Export("besluiten", _("Besluiten"), _decisions),
        Export("financiering", _("Financiering"), _funding),
    )
}

"""The coalition's main menu, built in Python once per page.

Every coalition page shows the same menu; with a `{% url %}`, a translation and a comparison per
item it was a large part of a list page's time, so each item's address comes from
`core.links.coalition_url` (reversed once per process).

The menu names every section of the workspace, so it lives in this top layer, above the domain
apps whose pages it links (by URL name only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.policy import Permission, can
from samenspel.core.links import coalition_url

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership
    from samenspel.coalitions.models import Coalition


@dataclass(frozen=True)
class MenuEntry:
    label: Promise
    view_name: str
    # The URL namespaces whose pages belong to this entry (the entry is marked as current there).
    namespaces: tuple[str, ...] = ()
    permission: Permission | None = None


MENU = (
    MenuEntry(_("Overzicht"), "coalitions:dashboard"),
    MenuEntry(_("Waar staan we"), "coalitions:where"),
    MenuEntry(_("Partners"), "partners:list", ("partners",)),
    MenuEntry(_("Partnerkaart"), "partners:map"),
    MenuEntry(_("Afspraken"), "agreements:list", ("agreements", "funding", "evaluations")),
    MenuEntry(_("Overleg"), "meetings:list", ("meetings",)),
    MenuEntry(_("Aanbod"), "activities:list", ("activities", "activity_imports")),
    MenuEntry(_("Wijken"), "monitoring:neighbourhoods", ("monitoring",)),
    MenuEntry(_("Samenwerking"), "scans:health", ("scans",)),
    MenuEntry(_("Signalen"), "advice:findings", ("advice",), Permission.VIEW_FINDINGS),
    MenuEntry(_("Eenzaamheidssignalen"), "signals:home", ("signals",)),
    MenuEntry(_("Leden"), "members:list", ("members",), Permission.MANAGE_MEMBERS),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    current: bool


def coalition_menu(
    request: HttpRequest, coalition: Coalition, membership: Membership | None
) -> list[MenuItem]:
    match = request.resolver_match
    view_name = match.view_name if match else ""
    namespace = match.namespace if match else ""
    entries = [e for e in MENU if e.permission is None or can(membership, e.permission)]
    # The entry of this very page wins; otherwise the first whose section this page is in.
    current = next((e for e in entries if e.view_name == view_name), None) or next(
        (e for e in entries if namespace in e.namespaces), None
    )
    uuid = coalition.uuid
    return [MenuItem(str(e.label), coalition_url(e.view_name, uuid), e is current) for e in entries]

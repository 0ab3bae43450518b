"""The coalition's main menu, built in Python once per page.

Every coalition page shows the same menu; with a `{% url %}`, a translation and a comparison per
item it was a large part of a list page's time, so each item's address comes from
`core.links.coalition_url` (reversed once per process).

The menu names every section of the workspace, so it lives in this top layer, above the domain
apps whose pages it links (by URL name only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.policy import REMEMBERED, Permission, can, page_memberships
from samenspel.core.links import coalition_url

if TYPE_CHECKING:
    from uuid import UUID

    from samenspel.accounts.models import Membership
    from samenspel.coalitions.models import Coalition


@dataclass(frozen=True)
class Link:
    """A page of a section's sub-navigation."""

    label: Promise
    view_name: str
    permission: Permission | None = None
    # Most pages belong to one coalition; a few (the calendar feed) to the person.
    per_coalition: bool = True


@dataclass(frozen=True)
class MenuEntry:
    label: Promise
    view_name: str
    # The URL namespaces whose pages belong to this entry (the entry is marked as current there).
    namespaces: tuple[str, ...] = ()
    permission: Permission | None = None
    # The section's own pages, shown as the one sub-navigation on each of them.
    pages: tuple[Link, ...] = ()
    # A page of the person over all their coalitions ("Mijn werk") rather than of this coalition.
    per_coalition: bool = True

    def url(self, uuid: UUID) -> str:
        return (
            coalition_url(self.view_name, uuid) if self.per_coalition else reverse(self.view_name)
        )


@dataclass(frozen=True)
class MenuGroup:
    """Entries that serve one task."""

    label: Promise
    entries: tuple[MenuEntry, ...]


MENU = (
    MenuGroup(
        _("Coalitie"),
        (
            MenuEntry(_("Overzicht"), "coalitions:dashboard"),
            MenuEntry(_("Mijn werk"), "work:my_work", per_coalition=False),
            MenuEntry(_("Zoeken"), "work:search"),
            MenuEntry(_("Waar staan we"), "coalitions:where"),
            MenuEntry(_("Partners"), "partners:list", ("partners",)),
            MenuEntry(_("Partnerkaart"), "partners:map"),
            MenuEntry(
                _("Leden"),
                "members:list",
                ("members",),
                Permission.MANAGE_MEMBERS,
                pages=(
                    Link(_("Leden"), "members:list"),
                    Link(_("Niet verstuurde e-mail"), "members:undelivered_mail"),
                ),
            ),
            MenuEntry(_("Exporteren"), "work:exports"),
        ),
    ),
    MenuGroup(
        _("Samenwerken"),
        (
            MenuEntry(
                _("Afspraken"),
                "agreements:list",
                ("agreements", "funding", "evaluations"),
                pages=(
                    Link(_("Gedeelde ambitie"), "agreements:ambition"),
                    Link(_("Afspraken per partner"), "agreements:list"),
                    Link(_("Procesontwerp"), "agreements:process"),
                    Link(_("Intentieverklaring of convenant"), "agreements:covenant"),
                    Link(_("Financiering"), "funding:overview"),
                    Link(_("Terugkijken"), "evaluations:list"),
                ),
            ),
            MenuEntry(
                _("Overleg"),
                "meetings:list",
                ("meetings",),
                pages=(
                    Link(_("Overleggen"), "meetings:list"),
                    Link(_("Overlegstructuur"), "meetings:bodies"),
                    Link(_("Open acties"), "meetings:actions"),
                    Link(_("Agenda-abonnement"), "meetings:feed_settings", per_coalition=False),
                ),
            ),
            MenuEntry(
                _("Samenwerking"),
                "scans:health",
                ("scans",),
                pages=(Link(_("Samenwerking"), "scans:health"), Link(_("Scans"), "scans:rounds")),
            ),
            MenuEntry(_("Advies"), "advice:findings", ("advice",), Permission.VIEW_FINDINGS),
            MenuEntry(_("Monitor"), "reporting:monitor", ("reporting",)),
        ),
    ),
    MenuGroup(
        _("Voor inwoners"),
        (
            MenuEntry(
                _("Activiteiten"),
                "activities:list",
                ("activities", "activity_imports"),
                pages=(
                    Link(_("Activiteiten"), "activities:list"),
                    Link(_("Bereik"), "activities:reach_overview"),
                    Link(_("Importeren"), "activity_imports:start", Permission.MANAGE_ACTIVITIES),
                    Link(_("Exporteren"), "activity_imports:export", Permission.MANAGE_ACTIVITIES),
                    Link(
                        _("Openbare zoeker"),
                        "activities:finder_settings",
                        Permission.MANAGE_ACTIVITIES,
                    ),
                ),
            ),
            MenuEntry(
                _("Wijken"),
                "monitoring:neighbourhoods",
                ("monitoring",),
                pages=(
                    Link(_("Wijken en kernen"), "monitoring:neighbourhoods"),
                    Link(_("Aanbod en eenzaamheid per wijk"), "monitoring:gap"),
                    Link(
                        _("Cijfers over eenzaamheid importeren"),
                        "monitoring:figures",
                        Permission.IMPORT_FIGURES,
                    ),
                ),
            ),
            MenuEntry(
                _("Signalen"),
                "signals:home",
                ("signals",),
                pages=(Link(_("Signalen"), "signals:home"), Link(_("Cijfers"), "signals:figures")),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Menu:
    coalition: Coalition
    groups: list[tuple[str, list[MenuItem]]]
    # The sub-navigation of the section this page is in (empty when the section has none).
    section: list[MenuItem]


def _allowed(membership: Membership | None, permission: Permission | None) -> bool:
    return permission is None or can(membership, permission)


def _section(entry: MenuEntry | None, view_name: str, uuid: UUID, m: Membership | None) -> list:
    pages = [page for page in (entry.pages if entry else ()) if _allowed(m, page.permission)]
    return [
        MenuItem(
            str(page.label),
            coalition_url(page.view_name, uuid) if page.per_coalition else reverse(page.view_name),
            page.view_name == view_name,
        )
        for page in pages
    ]


def coalition_menu(
    request: HttpRequest, coalition: Coalition, membership: Membership | None
) -> Menu:
    match = request.resolver_match
    view_name = match.view_name if match else ""
    namespace = match.namespace if match else ""
    groups = [
        (group, [e for e in group.entries if _allowed(membership, e.permission)]) for group in MENU
    ]
    entries = [entry for _group, allowed in groups for entry in allowed]
    # The entry of this very page wins; otherwise the first whose section this page is in.
    current = next((e for e in entries if e.view_name == view_name), None) or next(
        (e for e in entries if namespace in e.namespaces), None
    )
    if current is None:  # a page of a section that is no entry itself (the calendar feed)
        current = next((e for e in entries if view_name in {p.view_name for p in e.pages}), None)
    uuid = coalition.uuid
    return Menu(
        coalition=coalition,
        groups=[
            (
                str(group.label),
                [MenuItem(str(e.label), e.url(uuid), e is current) for e in allowed],
            )
            for group, allowed in groups
            if allowed
        ],
        section=_section(current, view_name, uuid, membership),
    )


def remembered_membership(request: HttpRequest) -> Membership | None:
    """The membership of the remembered coalition (`REMEMBERED`), or the only one a person has."""
    memberships = page_memberships(request)
    try:
        chosen = memberships.named.get(UUID(request.COOKIES.get(REMEMBERED, "")))
    except ValueError:
        chosen = None
    return chosen or (memberships.first[0] if memberships.total == 1 else None)


class RememberCoalitionMiddleware:
    """Remembers the coalition of every coalition page that opened (see REMEMBERED); the API and
    downloads set no cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        coalition = str(match.kwargs.get("coalition", "")) if match else ""
        page = response.status_code == 200 and response.get("Content-Type", "").startswith(
            "text/html"
        )
        if coalition and page and request.COOKIES.get(REMEMBERED) != coalition:
            response.set_cookie(
                REMEMBERED,
                coalition,
                max_age=365 * 24 * 60 * 60,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

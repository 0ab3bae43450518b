"""Who may do what: the one place where permissions are decided.

Views, the API and templates all ask `can()`. A person's rights in a coalition follow from their
Membership's role; partner members get extra rights on their own partner organisation only.
`CONFIDENTIAL_PARTNER_DATA` is reserved for data that belongs to one partner organisation alone
(signals about residents): not even the coordinator holds it.

A person may be a member of many coalitions (an advisor supports about fifteen, a welfare
organisation works in several municipalities): `portfolio()` answers in which of them they hold a
permission, for pages across coalitions. Above the coalitions stands the national programme
(`User.national_role`), whose rights (`NationalPermission`) cover figures summed over all
coalitions and nothing of one coalition: it holds no membership, so every coalition page is 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Q, Value, When, Window
from django.http import Http404, HttpRequest

from samenspel.accounts.models import Membership, MembershipQuerySet, NationalRole, Role
from samenspel.core.analysis_cache import Version, version

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samenspel.accounts.models import User
    from samenspel.partners.models import Partner


class Permission(StrEnum):
    VIEW_COALITION = "view_coalition"
    EDIT_COALITION = "edit_coalition"
    CHANGE_PHASE = "change_phase"
    EDIT_CHECKLIST = "edit_checklist"
    VIEW_PARTNERS = "view_partners"
    ADD_PARTNER = "add_partner"
    EDIT_PARTNER = "edit_partner"
    RECORD_PARTNER_EVENT = "record_partner_event"
    VIEW_AUDIT = "view_audit"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_SCANS = "manage_scans"
    VIEW_SCAN_RESULTS = "view_scan_results"
    VIEW_FINDINGS = "view_findings"
    DISMISS_FINDING = "dismiss_finding"
    MANAGE_ACTIVITIES = "manage_activities"  # all activities, the finder, imports
    EDIT_ACTIVITY = "edit_activity"  # one activity and its reach, via its provider partner
    MANAGE_NEIGHBOURHOODS = "manage_neighbourhoods"
    IMPORT_FIGURES = "import_figures"  # CBS/RIVM small-area estimates
    CONFIDENTIAL_PARTNER_DATA = "confidential_partner_data"
    WRITE_ADVISOR_NOTE = "write_advisor_note"  # the advisor's note that the coordinator reads


_READ = frozenset(
    {Permission.VIEW_COALITION, Permission.VIEW_PARTNERS, Permission.VIEW_SCAN_RESULTS}
)

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    # The advisor's note is the advisor's word to the coalition: the coordinator reads it.
    Role.COORDINATOR: frozenset(Permission)
    - {Permission.CONFIDENTIAL_PARTNER_DATA, Permission.WRITE_ADVISOR_NOTE},
    Role.MUNICIPALITY: _READ
    | {
        Permission.EDIT_CHECKLIST,
        Permission.RECORD_PARTNER_EVENT,
        Permission.VIEW_FINDINGS,
        Permission.IMPORT_FIGURES,
    },
    Role.ADVISOR: _READ | {Permission.VIEW_FINDINGS, Permission.WRITE_ADVISOR_NOTE},
    Role.READ_ONLY: _READ,
    Role.PARTNER_MEMBER: _READ,
}


# Rights above the coalitions. Kept apart from `Permission`, so no coalition role can hold them.
class NationalPermission(StrEnum):
    VIEW_NATIONAL_FIGURES = (
        "view_national_figures"  # aggregates over all coalitions, small n hidden
    )


NATIONAL_ROLE_PERMISSIONS: dict[str, frozenset[NationalPermission]] = {
    NationalRole.PROGRAMME: frozenset({NationalPermission.VIEW_NATIONAL_FIGURES}),
}

# Rights a partner member holds on their own partner organisation, and only there.
OWN_PARTNER_PERMISSIONS = frozenset(
    {
        Permission.EDIT_PARTNER,
        Permission.RECORD_PARTNER_EVENT,
        Permission.EDIT_ACTIVITY,
        Permission.CONFIDENTIAL_PARTNER_DATA,
    }
)


def can(
    membership: Membership | None, permission: Permission | str, partner: Partner | None = None
) -> bool:
    if membership is None:
        return False
    permission = Permission(permission)
    if partner is not None and partner.coalition_id != membership.coalition_id:
        return False
    if permission in ROLE_PERMISSIONS[membership.role]:
        return True
    return (
        permission in OWN_PARTNER_PERMISSIONS
        and partner is not None
        and membership.role == Role.PARTNER_MEMBER
        and membership.partner_id == partner.pk
    )


def can_nationally(user: User | AnonymousUser, permission: NationalPermission | str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    granted = NATIONAL_ROLE_PERMISSIONS.get(user.national_role, frozenset())
    return NationalPermission(permission) in granted


def roles_holding(permission: Permission | str) -> frozenset[str]:
    """The coalition roles that hold `permission` throughout the coalition."""
    permission = Permission(permission)
    return frozenset(role for role, rights in ROLE_PERMISSIONS.items() if permission in rights)


def portfolio(user: User | AnonymousUser, permission: Permission | str) -> MembershipQuerySet:
    """The person's memberships in which they hold `permission`: in the whole coalition through
    their role, or, for a right on one's own organisation, as a member for a partner (then only
    on that partner, which `can(membership, permission, partner)` still decides)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    permission = Permission(permission)
    holds = Q(role__in=roles_holding(permission))
    if permission in OWN_PARTNER_PERMISSIONS:
        holds |= Q(role=Role.PARTNER_MEMBER)
    return Membership.objects.for_user(user).filter(holds).order_by("coalition__name", "pk")


class PortfolioCoalition(NamedTuple):
    """A coalition of a person's portfolio with the keys of their membership in it (a
    `MembershipLike` for the tenancy doors) and the version of its data, as plain values: a
    page across hundreds of coalitions cannot afford three model instances for each."""

    coalition_id: int
    partner_id: int | None
    uuid: UUID
    name: str
    municipality: str  # its name
    version: Version  # of the coalition's data, for what is computed from them (cached)


def portfolio_coalitions(
    user: User | AnonymousUser, permission: Permission | str
) -> list[PortfolioCoalition]:
    """`portfolio()` read as values, by the coalitions' names, in one query with their data
    versions (`core.DataVersion`)."""
    rows = portfolio(user, permission).values_list(
        "coalition_id",
        "partner_id",
        "coalition__uuid",
        "coalition__name",
        "coalition__municipality__name",
        "coalition__data_version__number",
        "coalition__data_version__changed_at",
    )
    return [
        PortfolioCoalition(cid, partner, uuid, name, municipality, version(cid, number, at))
        for cid, partner, uuid, name, municipality, number, at in rows
    ]


def require(
    membership: Membership | None, permission: Permission | str, partner: Partner | None = None
) -> None:
    if not can(membership, permission, partner):
        raise PermissionDenied


def memberships_of(request: HttpRequest) -> list[Membership]:
    """All the person's memberships, read once per request (the home page and "Mijn werk" list
    them; a page of one coalition reads only what it shows, `page_memberships`)."""
    cached: list[Membership] | None = getattr(request, "_samenspel_memberships", None)
    if cached is None:
        user = request.user
        cached = (
            list(Membership.objects.for_user(user).order_by("coalition__name", "pk"))
            if user.is_authenticated
            else []
        )
        request._samenspel_memberships = cached  # type: ignore[attr-defined]
    return cached


# The header's switcher lists at most this many coalitions; a person with more (an advisor, the
# national programme) gets a link to the list of all of them instead of a menu too long to use.
SWITCHER_SIZE = 12
# The coalition of the last coalition page a person opened, so that the guide and the account
# pages keep its menu (`workspace.navigation`). A cookie, not the session: remembering costs no
# query, and the value is only a hint, checked against the person's own memberships.
REMEMBERED = "samenspel_coalitie"


@dataclass(frozen=True)
class PageMemberships:
    """What one page needs of a person's memberships: those of the coalitions it names (in its
    URL, and the remembered one), the first ones for the header's switcher, and how many."""

    named: dict[UUID, Membership]  # by the coalition's UUID
    first: list[Membership]  # by coalition name, at most SWITCHER_SIZE
    total: int


def page_memberships(request: HttpRequest) -> PageMemberships:
    """One query of at most SWITCHER_SIZE + 2 rows, however many coalitions a person supports
    (an advisor of every coalition would otherwise read 350 on every page); none when the view
    read them all already."""
    found: PageMemberships | None = getattr(request, "_samenspel_page_memberships", None)
    if found is None:
        found = _read_page_memberships(request)
        request._samenspel_page_memberships = found  # type: ignore[attr-defined]
    return found


def _named_coalitions(request: HttpRequest) -> set[UUID]:
    match = request.resolver_match
    candidates = [
        str(match.kwargs.get("coalition", "")) if match else "",
        request.COOKIES.get(REMEMBERED, ""),
    ]
    named = set()
    for candidate in candidates:
        try:
            named.add(UUID(candidate))
        except ValueError:
            continue
    return named


def _read_page_memberships(request: HttpRequest) -> PageMemberships:
    user = request.user
    if not user.is_authenticated:
        return PageMemberships({}, [], 0)
    named = _named_coalitions(request)
    everything: list[Membership] | None = getattr(request, "_samenspel_memberships", None)
    if everything is not None:
        rows, total = everything, len(everything)
    else:
        rows = list(
            Membership.objects.for_user(user)
            .annotate(
                total=Window(Count("pk")),
                unnamed=Case(When(coalition__uuid__in=named, then=Value(0)), default=Value(1)),
            )
            .order_by("unnamed", "coalition__name", "pk")[: len(named) + SWITCHER_SIZE]
        )
        total = rows[0].total if rows else 0  # type: ignore[attr-defined]
    first = sorted(rows, key=lambda m: (m.coalition.name, m.pk))[:SWITCHER_SIZE]
    return PageMemberships(
        named={m.coalition.uuid: m for m in rows if m.coalition.uuid in named},
        first=first,
        total=total,
    )


def request_membership_or_404(request: HttpRequest, coalition_uuid: UUID | str) -> Membership:
    """`membership_or_404` for a page request, from the memberships the page reads anyway."""
    wanted = UUID(str(coalition_uuid))
    membership = page_memberships(request).named.get(wanted)
    if membership is None and wanted not in _named_coalitions(request):
        membership = next((m for m in memberships_of(request) if m.coalition.uuid == wanted), None)
    if membership is None:
        raise Http404
    return membership


def membership_or_404(user: User | AnonymousUser, coalition_uuid: UUID | str) -> Membership:
    """The tenancy gate: a coalition exists for a person only through their membership of it."""
    if not user.is_authenticated:
        raise Http404
    membership = Membership.objects.for_user(user).filter(coalition__uuid=coalition_uuid).first()
    if membership is None:
        raise Http404
    return membership

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

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from samenspel.accounts.models import Membership, MembershipQuerySet, NationalRole, Role

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


def require(
    membership: Membership | None, permission: Permission | str, partner: Partner | None = None
) -> None:
    if not can(membership, permission, partner):
        raise PermissionDenied


def memberships_of(request: HttpRequest) -> list[Membership]:
    """The person's memberships, read once per request (the header's switcher and the tenancy
    gate of a page both need them)."""
    cached: list[Membership] | None = getattr(request, "_samenspel_memberships", None)
    if cached is None:
        user = request.user
        cached = (
            list(Membership.objects.for_user(user).order_by("coalition__name"))
            if user.is_authenticated
            else []
        )
        request._samenspel_memberships = cached  # type: ignore[attr-defined]
    return cached


def request_membership_or_404(request: HttpRequest, coalition_uuid: UUID | str) -> Membership:
    """`membership_or_404` for a page request, from the memberships already read."""
    wanted = UUID(str(coalition_uuid))
    for membership in memberships_of(request):
        if membership.coalition.uuid == wanted:
            return membership
    raise Http404


def membership_or_404(user: User | AnonymousUser, coalition_uuid: UUID | str) -> Membership:
    """The tenancy gate: a coalition exists for a person only through their membership of it."""
    if not user.is_authenticated:
        raise Http404
    membership = Membership.objects.for_user(user).filter(coalition__uuid=coalition_uuid).first()
    if membership is None:
        raise Http404
    return membership

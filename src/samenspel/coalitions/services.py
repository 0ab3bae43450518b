"""Write paths for coalitions: one atomic function per action, each writing the audit trail."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.models import Membership, Role
from samenspel.coalitions.audit_actions import CoalitionAction
from samenspel.coalitions.models import (
    CBS_CODE,
    STEERING_MUNICIPALITY_ROLES,
    AreaScope,
    ChecklistItem,
    ChecklistStatus,
    Coalition,
    Municipality,
    MunicipalityRole,
    PhaseChange,
)
from samenspel.core import audit
from samenspel.guide.content import get_activity

if TYPE_CHECKING:
    from samenspel.accounts.models import User

COALITION_FIELDS = (
    "name",
    "municipality",
    "area_scope",
    "areas",
    "form",
    "legal_structure",
    "start_date",
)
# The shared ambition is not among them: it changes only as a new version, with its reason
# (agreements.services.record_ambition), which keeps `Coalition.ambition` equal to the latest.


def municipality_by_code(code: str) -> Municipality:
    """The CBS register's municipality; the caller shows the message at its own code field."""
    code = code.strip().upper()
    CBS_CODE(code)
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise ValidationError(
            _("Gemeentecode %(code)s is onbekend. Controleer de CBS-code.") % {"code": code}
        )
    return municipality


def _check_coalition(coalition: Coalition) -> None:
    """Rules for the coalition's own fields, shared by the pages and the API."""
    errors: dict[str, str] = {}
    if coalition.start_date > timezone.localdate():
        errors["start_date"] = _("De startdatum kan niet in de toekomst liggen.")
    elif coalition.pk:
        first = coalition.phase_changes.order_by("date").values_list("date", flat=True).first()
        if first and coalition.start_date > first:
            errors["start_date"] = _("De startdatum ligt na de eerste fasewissel.")
    if coalition.area_scope == AreaScope.WHOLE:
        coalition.areas = ""
    elif not coalition.area_list:
        errors["areas"] = _("Noem de kernen of wijken die de coalitie bestrijkt.")
    if errors:
        raise ValidationError(errors)
    coalition.full_clean()


@transaction.atomic
def create_coalition(*, acting_user: User, **fields: Any) -> Coalition:
    """A new coalition, with the person who creates it as its first coordinator."""
    unknown = set(fields) - set(COALITION_FIELDS)
    if unknown:
        raise TypeError(f"Not fields of a new coalition: {sorted(unknown)}")
    coalition = Coalition(**fields)
    _check_coalition(coalition)
    coalition.save()
    Membership.objects.create(user=acting_user, coalition=coalition, role=Role.COORDINATOR)
    # Not audit.create: the new coalition is itself the coalition the record belongs to.
    audit.record(
        CoalitionAction.COALITION_CREATED,
        coalition,
        acting_user=acting_user,
        coalition=coalition,
        changes=audit.changes_between(None, coalition, COALITION_FIELDS),
    )
    return coalition


@transaction.atomic
def update_coalition(coalition: Coalition, *, acting_user: User, **fields: Any) -> Coalition:
    unknown = set(fields) - set(COALITION_FIELDS)
    if unknown:
        raise TypeError(f"Not fields a coalition's settings may change: {sorted(unknown)}")
    return audit.update(
        coalition,
        fields,
        action=CoalitionAction.COALITION_UPDATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_coalition,
    )


MUNICIPALITY_ROLE_FIELDS = (
    "municipality_roles",
    "municipality_roles_note",
    "municipality_roles_agreed_on",
)


def _check_municipality_roles(coalition: Coalition) -> None:
    """The roles are the known ones, each once; an equal partner does not also steer (§3.2.5)."""
    errors: dict[str, str] = {}
    roles = coalition.municipality_roles
    if not isinstance(roles, list) or not set(roles) <= set(MunicipalityRole.values):
        errors["municipality_roles"] = _("Kies alleen rollen uit de lijst.")
    elif len(set(roles)) != len(roles):
        errors["municipality_roles"] = _("Kies elke rol één keer.")
    elif MunicipalityRole.EQUAL_PARTNER in roles and set(roles) & set(STEERING_MUNICIPALITY_ROLES):
        errors["municipality_roles"] = _(
            "Een gelijkwaardige partner voert geen regie en is geen opdrachtgever "
            "(Handreiking §3.2.5). Kies het een of het ander."
        )
    agreed_on = coalition.municipality_roles_agreed_on
    if agreed_on and agreed_on > timezone.localdate():
        errors["municipality_roles_agreed_on"] = _("Deze datum kan niet in de toekomst liggen.")
    if errors:
        raise ValidationError(errors)


def update_municipality_roles(
    coalition: Coalition, *, acting_user: User, **fields: Any
) -> Coalition:
    """Which roles the municipality agreed to play (handbook §2.10 tip 1: clear hats)."""
    unknown = set(fields) - set(MUNICIPALITY_ROLE_FIELDS)
    if unknown:
        raise TypeError(f"Not fields of the municipality's roles: {sorted(unknown)}")
    return audit.update(
        coalition,
        fields,
        action=CoalitionAction.MUNICIPALITY_ROLES_UPDATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_municipality_roles,
    )


def validate_phase_change(
    coalition: Coalition, *, to_phase: str, date: datetime.date, reason: str
) -> None:
    """Dutch messages per field; going back a phase is allowed (handbook §1.2)."""
    errors: dict[str, str] = {}
    if to_phase == coalition.phase:
        errors["to_phase"] = _("De coalitie zit al in deze fase. Kies een andere fase.")
    if not reason.strip():
        errors["reason"] = _("Geef een reden voor de fasewissel: dat helpt later terug te kijken.")
    if date > timezone.localdate():
        errors["date"] = _("De datum van een fasewissel kan niet in de toekomst liggen.")
    elif date < coalition.start_date:
        errors["date"] = _("De datum ligt vóór de startdatum van de coalitie (%(start)s).") % {
            "start": coalition.start_date.strftime("%d-%m-%Y")
        }
    else:
        last = coalition.phase_changes.order_by("-date").values_list("date", flat=True).first()
        if last and date < last:
            errors["date"] = _("De datum ligt vóór de vorige fasewissel (%(last)s).") % {
                "last": last.strftime("%d-%m-%Y")
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def change_phase(
    coalition: Coalition,
    *,
    acting_user: User,
    to_phase: str,
    date: datetime.date,
    reason: str,
    tipping_point: str,
) -> PhaseChange:
    coalition = Coalition.objects.of_coalition(coalition).select_for_update().get()
    validate_phase_change(coalition, to_phase=to_phase, date=date, reason=reason)
    change = PhaseChange.objects.create(
        coalition=coalition,
        date=date,
        from_phase=coalition.phase,
        to_phase=to_phase,
        reason=reason.strip(),
        tipping_point=tipping_point,
        recorded_by=acting_user,
    )
    audit.update(
        coalition,
        {"phase": to_phase},
        action=CoalitionAction.COALITION_PHASE_CHANGED,
        acting_user=acting_user,
        coalition=coalition,
        check=None,  # validate_phase_change above
        context={"tipping_point": tipping_point, "date": date},
    )
    return change


@transaction.atomic
def set_checklist_status(
    coalition: Coalition, activity_key: str, *, acting_user: User, status: str, note: str = ""
) -> ChecklistItem:
    try:
        activity = get_activity(activity_key)
    except KeyError:
        raise ValidationError(
            {"activity_key": _("Deze activiteit staat niet in de gids.")}
        ) from None
    if status not in ChecklistStatus.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    item, _created = (
        ChecklistItem.objects.of_coalition(coalition)
        .select_for_update()
        .get_or_create(coalition=coalition, activity_key=activity_key)
    )
    return audit.update(
        item,
        {"status": status, "note": note, "updated_by": acting_user},
        action=CoalitionAction.CHECKLIST_UPDATED,
        acting_user=acting_user,
        coalition=coalition,
        check=None,  # the status was checked against its choices above; a note is free text
        context={"activity": activity_key},
        label=activity.title,
    )

"""Write paths for agreements: one atomic function per action, each writing the audit trail."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.agreements.models import (
    AMBITION_FIELDS,
    AmbitionVersion,
    Covenant,
    CovenantStatus,
    PartnerAgreement,
    ProcessStep,
    Signatory,
)
from samenspel.coalitions import services as coalition_services
from samenspel.coalitions.models import LIFE_PHASES, Coalition, Phase, PhaseChange, TippingPoint
from samenspel.core import audit

if TYPE_CHECKING:
    from samenspel.accounts.models import User

audit.register_actions(
    {
        "ambition.recorded": _lazy("Nieuwe versie van de ambitie vastgelegd"),
        "agreement.created": _lazy("Afspraken met een partner vastgelegd"),
        "agreement.updated": _lazy("Afspraken met een partner gewijzigd"),
        "agreement.deleted": _lazy("Afspraken met een partner verwijderd"),
        "process_step.created": _lazy("Processtap toegevoegd"),
        "process_step.updated": _lazy("Processtap gewijzigd"),
        "process_step.deleted": _lazy("Processtap verwijderd"),
        "covenant.saved": _lazy("Intentieverklaring of convenant gewijzigd"),
        "covenant.signed": _lazy("Intentieverklaring of convenant getekend"),
        "signatory.added": _lazy("Ondertekenaar toegevoegd"),
        "signatory.removed": _lazy("Ondertekenaar verwijderd"),
    }
)

AGREEMENT_FIELDS = (
    "partner",
    "role",
    "hours_per_month",
    "money",
    "space",
    "reach",
    "expertise",
    "expectations",
    "financial_conditions",
    "start_date",
    "review_date",
)
STEP_FIELDS = ("title", "kind", "owner", "due_date", "status", "decisions_needed", "order")
COVENANT_FIELDS = ("kind", "rules_of_play", "status", "signed_on")
SIGNATORY_FIELDS = ("partner", "name", "function", "signed_on")


def _snapshot(instance: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """`audit.snapshot` with amounts as text (the audit trail is JSON)."""
    return {
        name: format(value.normalize(), "f") if isinstance(value, Decimal) else value
        for name, value in audit.snapshot(instance, fields).items()
    }


def _strip(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }


def _save_tracked(
    instance: Any,
    fields: dict[str, Any],
    tracked: tuple[str, ...],
    action: str,
    *,
    coalition: Coalition,
    acting_user: User,
) -> Any:
    """Validate and save a new or changed row; audit `<action>.created`, or `<action>.updated`
    with the fields that changed (nothing when none did)."""
    created = instance.pk is None
    before = {} if created else _snapshot(type(instance).objects.get(pk=instance.pk), tracked)
    for name, value in _strip(fields).items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    changes = audit.diff(before, _snapshot(instance, tracked))
    if created or changes:
        audit.record(
            f"{action}.created" if created else f"{action}.updated",
            instance,
            acting_user=acting_user,
            coalition=coalition,
            changes=changes,
        )
    return instance


# Ambition ---------------------------------------------------------------------------------------


@transaction.atomic
def record_ambition(
    coalition: Coalition, *, acting_user: User, reason: str, **fields: Any
) -> AmbitionVersion:
    """A new version of the shared ambition; the coalition's own `ambition` follows it."""
    coalition = Coalition.objects.select_for_update().get(pk=coalition.pk)
    version = AmbitionVersion(
        coalition=coalition, created_by=acting_user, reason=reason.strip(), **_strip(fields)
    )
    version.full_clean()
    previous = AmbitionVersion.objects.filter(coalition=coalition).first()
    before = audit.snapshot(previous, AMBITION_FIELDS) if previous else {}
    changes = audit.diff(before, audit.snapshot(version, AMBITION_FIELDS))
    if previous and not changes:
        raise ValidationError(
            _("Deze versie is gelijk aan de huidige ambitie. Pas eerst iets aan.")
        )
    version.save()
    if coalition.ambition != version.text:
        coalition.ambition = version.text
        coalition.save(update_fields=["ambition", "updated_at"])
    audit.record(
        "ambition.recorded",
        version,
        acting_user=acting_user,
        coalition=coalition,
        changes={"changed": sorted(changes), "reason": version.reason},
        label=str(_("Ambitie: %(reason)s") % {"reason": version.reason}),
    )
    return version


# Agreements per partner -------------------------------------------------------------------------


@transaction.atomic
def save_agreement(
    coalition: Coalition,
    agreement: PartnerAgreement | None = None,
    *,
    acting_user: User,
    **fields: Any,
) -> PartnerAgreement:
    """Create (without `agreement`) or change a partner's agreement."""
    return _save_tracked(
        agreement or PartnerAgreement(coalition=coalition),
        fields,
        AGREEMENT_FIELDS,
        "agreement",
        coalition=coalition,
        acting_user=acting_user,
    )


@transaction.atomic
def delete_agreement(agreement: PartnerAgreement, *, acting_user: User) -> None:
    audit.record(
        "agreement.deleted",
        agreement,
        acting_user=acting_user,
        coalition=agreement.coalition,
        changes=_snapshot(agreement, AGREEMENT_FIELDS),
    )
    agreement.delete()


# Process design ---------------------------------------------------------------------------------


@transaction.atomic
def save_step(
    coalition: Coalition, step: ProcessStep | None = None, *, acting_user: User, **fields: Any
) -> ProcessStep:
    return _save_tracked(
        step or ProcessStep(coalition=coalition),
        fields,
        STEP_FIELDS,
        "process_step",
        coalition=coalition,
        acting_user=acting_user,
    )


@transaction.atomic
def delete_step(step: ProcessStep, *, acting_user: User) -> None:
    audit.record(
        "process_step.deleted",
        step,
        acting_user=acting_user,
        coalition=step.coalition,
        changes=_snapshot(step, STEP_FIELDS),
    )
    step.delete()


# Letter of intent or covenant -------------------------------------------------------------------


def next_phase(coalition: Coalition) -> str | None:
    """The phase a signed letter of intent or covenant usually marks: 'establish' for a coalition
    that is not there yet, otherwise the phase after the current one (None after the last)."""
    establish = LIFE_PHASES.index(Phase.ESTABLISH)
    if coalition.phase == Phase.STOPPED:
        return None
    current = LIFE_PHASES.index(Phase(coalition.phase))
    if current < establish:
        return Phase.ESTABLISH
    return LIFE_PHASES[current + 1] if current + 1 < len(LIFE_PHASES) else None


def _phase_change_errors(error: ValidationError) -> ValidationError:
    """The phase change's messages at the covenant form's fields."""
    fields = {"to_phase": "to_phase", "date": "signed_on"}
    if not hasattr(error, "error_dict"):
        return ValidationError({"record_tipping_point": error.messages})
    return ValidationError(
        {
            fields.get(name, "record_tipping_point" if name != NON_FIELD_ERRORS else name): messages
            for name, messages in error.message_dict.items()
        }
    )


@transaction.atomic
def save_covenant(
    coalition: Coalition,
    *,
    acting_user: User,
    record_tipping_point: bool = False,
    to_phase: str | None = None,
    **fields: Any,
) -> Covenant:
    """Create or change the coalition's letter of intent or covenant. Marked signed (with a date
    and at least one signatory) it can record the phase change with tipping point
    'letter of intent' in the same transaction: both are saved, or neither."""
    covenant = Covenant.objects.select_for_update().filter(coalition=coalition).first()
    if covenant is None:
        covenant = Covenant(coalition=coalition)
        before: dict[str, Any] = {}
    else:
        before = _snapshot(covenant, COVENANT_FIELDS)
    was_signed = covenant.is_signed
    for name, value in _strip(fields).items():
        setattr(covenant, name, value)
    errors: dict[str, Any] = {}
    if covenant.status == CovenantStatus.SIGNED:
        if covenant.signed_on is None:
            errors["signed_on"] = _("Vul de datum van ondertekening in.")
        elif covenant.signed_on > timezone.localdate():
            errors["signed_on"] = _("De datum van ondertekening kan niet in de toekomst liggen.")
        if covenant.pk is None or not covenant.signatories.exists():
            errors["status"] = _(
                "Voeg eerst ten minste één ondertekenaar toe voordat u het document als getekend "
                "markeert."
            )
    else:
        covenant.signed_on = None
        if record_tipping_point:
            errors["record_tipping_point"] = _(
                "Alleen een getekend document kan als kantelmoment worden vastgelegd."
            )
    if errors:
        raise ValidationError(errors)
    covenant.full_clean()
    covenant.save()
    changes = audit.diff(before, _snapshot(covenant, COVENANT_FIELDS))
    if changes or not before:
        audit.record(
            "covenant.signed" if covenant.is_signed and not was_signed else "covenant.saved",
            covenant,
            acting_user=acting_user,
            coalition=coalition,
            changes=changes,
        )
    if record_tipping_point:
        _record_tipping_point(coalition, covenant, acting_user=acting_user, to_phase=to_phase)
    return covenant


def _record_tipping_point(
    coalition: Coalition, covenant: Covenant, *, acting_user: User, to_phase: str | None
) -> PhaseChange:
    target = to_phase or next_phase(coalition)
    if not target:
        raise ValidationError(
            {"to_phase": _("Er is geen volgende fase. Kies de fase waar de coalitie naartoe gaat.")}
        )
    assert covenant.signed_on is not None
    try:
        return coalition_services.change_phase(
            coalition,
            acting_user=acting_user,
            to_phase=target,
            date=covenant.signed_on,
            reason=_("%(kind)s getekend op %(date)s.")
            % {
                "kind": covenant.get_kind_display(),
                "date": covenant.signed_on.strftime("%d-%m-%Y"),
            },
            tipping_point=TippingPoint.LETTER_OF_INTENT,
        )
    except ValidationError as error:
        raise _phase_change_errors(error) from error


@transaction.atomic
def add_signatory(covenant: Covenant, *, acting_user: User, **fields: Any) -> Signatory:
    signatory = Signatory(covenant=covenant, **_strip(fields))
    errors: dict[str, Any] = {}
    if signatory.signed_on and signatory.signed_on > timezone.localdate():
        errors["signed_on"] = _("De datum van ondertekening kan niet in de toekomst liggen.")
    try:
        signatory.full_clean()
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    signatory.save()
    audit.record(
        "signatory.added",
        signatory,
        acting_user=acting_user,
        coalition=covenant.coalition,
        changes={"partner": str(signatory.partner.uuid), "function": signatory.function},
        label=f"{signatory.name} ({signatory.partner.name})",
    )
    return signatory


@transaction.atomic
def remove_signatory(signatory: Signatory, *, acting_user: User) -> None:
    covenant = Covenant.objects.select_for_update().get(pk=signatory.covenant_id)
    if covenant.is_signed and covenant.signatories.count() <= 1:
        raise ValidationError(
            _(
                "Een getekend document houdt ten minste één ondertekenaar. Zet het eerst terug "
                "naar concept."
            )
        )
    audit.record(
        "signatory.removed",
        signatory,
        acting_user=acting_user,
        coalition=covenant.coalition,
        changes={"partner": str(signatory.partner.uuid)},
        label=f"{signatory.name} ({signatory.partner.name})",
    )
    signatory.delete()

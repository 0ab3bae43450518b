"""Write paths for agreements: one atomic function per action, each writing the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.agreements.audit_actions import AgreementAction
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


def _strip(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }


# Ambition ---------------------------------------------------------------------------------------


@transaction.atomic
def record_ambition(
    coalition: Coalition, *, acting_user: User, reason: str, **fields: Any
) -> AmbitionVersion:
    """A new version of the shared ambition; the coalition's own `ambition` follows it."""
    coalition = Coalition.objects.of_coalition(coalition).select_for_update().get()
    version = AmbitionVersion(
        coalition=coalition, created_by=acting_user, reason=reason.strip(), **_strip(fields)
    )
    version.full_clean()
    previous = AmbitionVersion.objects.of_coalition(coalition).first()
    changes = audit.changes_between(previous, version, AMBITION_FIELDS)
    if previous and not changes["fields"]:
        raise ValidationError(
            _("Deze versie is gelijk aan de huidige ambitie. Pas eerst iets aan.")
        )
    version.save()
    if coalition.ambition != version.text:
        coalition.ambition = version.text
        coalition.save(update_fields=["ambition", "updated_at"])
    audit.record(
        AgreementAction.AMBITION_RECORDED,
        version,
        acting_user=acting_user,
        coalition=coalition,
        changes=changes,
        context={"reason": version.reason},
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
    return audit.save(
        agreement or PartnerAgreement(coalition=coalition),
        _strip(fields),
        coalition=coalition,
        created=AgreementAction.AGREEMENT_CREATED,
        updated=AgreementAction.AGREEMENT_UPDATED,
        acting_user=acting_user,
    )


@transaction.atomic
def delete_agreement(agreement: PartnerAgreement, *, acting_user: User) -> None:
    audit.delete(
        agreement,
        action=AgreementAction.AGREEMENT_DELETED,
        acting_user=acting_user,
        coalition=agreement.coalition,
    )


# Process design ---------------------------------------------------------------------------------


@transaction.atomic
def save_step(
    coalition: Coalition, step: ProcessStep | None = None, *, acting_user: User, **fields: Any
) -> ProcessStep:
    return audit.save(
        step or ProcessStep(coalition=coalition),
        _strip(fields),
        coalition=coalition,
        created=AgreementAction.PROCESS_STEP_CREATED,
        updated=AgreementAction.PROCESS_STEP_UPDATED,
        acting_user=acting_user,
    )


@transaction.atomic
def delete_step(step: ProcessStep, *, acting_user: User) -> None:
    audit.delete(
        step,
        action=AgreementAction.PROCESS_STEP_DELETED,
        acting_user=acting_user,
        coalition=step.coalition,
    )


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


def _check_covenant(covenant: Covenant, *, record_tipping_point: bool) -> None:
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
    covenant = Covenant.objects.of_coalition(coalition).select_for_update().first()
    signing = fields.get("status") == CovenantStatus.SIGNED and not (
        covenant is not None and covenant.is_signed
    )
    action = AgreementAction.COVENANT_SIGNED if signing else AgreementAction.COVENANT_SAVED

    def check(covenant: Covenant) -> None:
        _check_covenant(covenant, record_tipping_point=record_tipping_point)

    if covenant is None:
        covenant = Covenant(coalition=coalition, **_strip(fields))
        audit.create(
            covenant, action=action, acting_user=acting_user, coalition=coalition, check=check
        )
    else:
        audit.update(
            covenant,
            _strip(fields),
            action=action,
            acting_user=acting_user,
            coalition=coalition,
            check=check,
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
    return audit.create(
        Signatory(covenant=covenant, **_strip(fields)),
        action=AgreementAction.SIGNATORY_ADDED,
        acting_user=acting_user,
        coalition=covenant.coalition,
        check=_check_signatory,
    )


def _check_signatory(signatory: Signatory) -> None:
    errors: dict[str, Any] = {}
    if signatory.signed_on and signatory.signed_on > timezone.localdate():
        errors["signed_on"] = _("De datum van ondertekening kan niet in de toekomst liggen.")
    try:
        signatory.full_clean()
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def remove_signatory(signatory: Signatory, *, acting_user: User) -> None:
    covenant = (
        Covenant.objects.of_coalition(signatory.covenant.coalition_id)
        .select_for_update()
        .get(pk=signatory.covenant_id)
    )
    if covenant.is_signed and covenant.signatories.count() <= 1:
        raise ValidationError(
            _(
                "Een getekend document houdt ten minste één ondertekenaar. Zet het eerst terug "
                "naar concept."
            )
        )
    audit.delete(
        signatory,
        action=AgreementAction.SIGNATORY_REMOVED,
        acting_user=acting_user,
        coalition=covenant.coalition,
    )

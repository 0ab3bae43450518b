"""Write paths for evaluation moments and evaluations: validated (Dutch messages at the field),
saved in one transaction with their audit record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.core import audit
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.partners.models import Partner

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

audit.register_actions(
    {
        "evaluation_moment.planned": _lazy("Evaluatiemoment gepland"),
        "evaluation_moment.updated": _lazy("Evaluatiemoment gewijzigd"),
        "evaluation_moment.deleted": _lazy("Evaluatiemoment verwijderd"),
        "evaluation.recorded": _lazy("Evaluatie vastgelegd"),
        "evaluation.updated": _lazy("Evaluatie gewijzigd"),
        "evaluation.deleted": _lazy("Evaluatie verwijderd"),
    }
)

MOMENT_FIELDS = ("planned_on", "status")
EVALUATION_FIELDS = (
    "moment",
    "held_on",
    "successes",
    "bottlenecks",
    "continuation",
    "agreement_changes",
)
TEXT_FIELDS = ("successes", "bottlenecks", "continuation", "agreement_changes")


# Evaluation moments


def _check_moment(moment: EvaluationMoment, *, new_date: bool) -> None:
    """A new or moved date lies today or later; at most one planned moment per calendar year."""
    if (
        new_date
        and moment.planned_on
        and moment.status == MomentStatus.PLANNED
        and moment.planned_on < timezone.localdate()
    ):
        raise ValidationError(
            {"planned_on": _("Plan een evaluatiemoment vandaag of later, niet in het verleden.")}
        )
    moment.full_clean(exclude=["coalition"])
    if (
        moment.status == MomentStatus.PLANNED
        and EvaluationMoment.objects.filter(
            coalition=moment.coalition,
            status=MomentStatus.PLANNED,
            planned_on__year=moment.planned_on.year,
        )
        .exclude(pk=moment.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "planned_on": _(
                    "Er is al een evaluatiemoment gepland in %(year)s. Eén per jaar is de norm: "
                    "verzet dat moment in plaats van een tweede te plannen."
                )
                % {"year": moment.planned_on.year}
            }
        )


@transaction.atomic
def plan_moment(coalition: Coalition, *, acting_user: User, **fields: Any) -> EvaluationMoment:
    moment = EvaluationMoment(coalition=coalition, status=MomentStatus.PLANNED)
    for name, value in fields.items():
        setattr(moment, name, value)
    _check_moment(moment, new_date=True)
    moment.save()
    audit.record(
        "evaluation_moment.planned",
        moment,
        acting_user=acting_user,
        coalition=coalition,
        changes=audit.snapshot(moment, MOMENT_FIELDS),
    )
    return moment


@transaction.atomic
def update_moment(
    moment: EvaluationMoment, *, acting_user: User, **fields: Any
) -> EvaluationMoment:
    """Reschedule (a new date) or mark as held or cancelled."""
    before = audit.snapshot(moment, MOMENT_FIELDS)
    for name, value in fields.items():
        setattr(moment, name, value)
    _check_moment(moment, new_date=before["planned_on"] != str(moment.planned_on))
    moment.save()
    audit.record_update(
        "evaluation_moment.updated",
        moment,
        before,
        audit.snapshot(moment, MOMENT_FIELDS),
        acting_user=acting_user,
        coalition=moment.coalition,
    )
    return moment


@transaction.atomic
def delete_moment(moment: EvaluationMoment, *, acting_user: User) -> None:
    audit.record(
        "evaluation_moment.deleted",
        moment,
        acting_user=acting_user,
        coalition=moment.coalition,
        changes=audit.snapshot(moment, MOMENT_FIELDS),
    )
    moment.delete()


# Evaluations


def _check_evaluation(evaluation: Evaluation, participants: list[Partner] | None) -> None:
    for name in TEXT_FIELDS:
        setattr(evaluation, name, (getattr(evaluation, name) or "").strip())
    errors: dict[str, list[str]] = {}
    try:
        evaluation.full_clean(exclude=["coalition", "recorded_by"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if evaluation.held_on and evaluation.held_on > timezone.localdate():
        errors.setdefault("held_on", []).append(
            _("Deze datum ligt in de toekomst. Leg een evaluatie vast nadat ze is gehouden.")
        )
    if evaluation.moment is not None and evaluation.moment.coalition_id != evaluation.coalition_id:
        errors.setdefault("moment", []).append(
            _("Dit evaluatiemoment hoort niet bij deze coalitie.")
        )
    foreign = [p.name for p in participants or () if p.coalition_id != evaluation.coalition_id]
    if foreign:
        errors.setdefault("participants", []).append(
            _("Geen partner van deze coalitie: %(names)s.") % {"names": ", ".join(foreign)}
        )
    if errors:
        raise ValidationError(errors)


def _audit_snapshot(evaluation: Evaluation, participants: Iterable[Partner]) -> dict[str, Any]:
    values = audit.snapshot(evaluation, EVALUATION_FIELDS)
    values["participants"] = sorted(str(p.uuid) for p in participants)
    return values


def _mark_held(moment: EvaluationMoment | None) -> None:
    if moment is not None and moment.status == MomentStatus.PLANNED:
        moment.status = MomentStatus.HELD
        moment.save(update_fields=["status", "updated_at"])


@transaction.atomic
def record_evaluation(
    coalition: Coalition,
    *,
    acting_user: User,
    participants: Iterable[Partner] = (),
    **fields: Any,
) -> Evaluation:
    participants = list(participants)
    evaluation = Evaluation(coalition=coalition, recorded_by=acting_user, **fields)
    _check_evaluation(evaluation, participants)
    evaluation.save()
    evaluation.participants.set(participants)
    _mark_held(evaluation.moment)
    audit.record(
        "evaluation.recorded",
        evaluation,
        acting_user=acting_user,
        coalition=coalition,
        changes=_audit_snapshot(evaluation, participants),
    )
    return evaluation


@transaction.atomic
def update_evaluation(
    evaluation: Evaluation,
    *,
    acting_user: User,
    participants: Iterable[Partner] | None = None,
    **fields: Any,
) -> Evaluation:
    current = list(evaluation.participants.all())
    before = _audit_snapshot(evaluation, current)
    for name, value in fields.items():
        setattr(evaluation, name, value)
    chosen = list(participants) if participants is not None else current
    _check_evaluation(evaluation, chosen)
    evaluation.save()
    if participants is not None:
        evaluation.participants.set(chosen)
    _mark_held(evaluation.moment)
    audit.record_update(
        "evaluation.updated",
        evaluation,
        before,
        _audit_snapshot(evaluation, chosen),
        acting_user=acting_user,
        coalition=evaluation.coalition,
    )
    return evaluation


@transaction.atomic
def delete_evaluation(evaluation: Evaluation, *, acting_user: User) -> None:
    audit.record(
        "evaluation.deleted",
        evaluation,
        acting_user=acting_user,
        coalition=evaluation.coalition,
        changes=_audit_snapshot(evaluation, evaluation.participants.all()),
    )
    evaluation.delete()

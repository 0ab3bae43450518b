"""Write paths for evaluation moments and evaluations: validated (Dutch messages at the field),
saved in one transaction with their audit record."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core import audit
from samenspel.evaluations.audit_actions import EvaluationAction
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.partners.models import Partner

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

MOMENT_FIELDS = ("planned_on", "status")
# The fields a person edits (the forms' fields).
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
        and EvaluationMoment.objects.of_coalition(moment.coalition_id)
        .filter(
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
    return audit.create(
        EvaluationMoment(coalition=coalition, **{"status": MomentStatus.PLANNED, **fields}),
        action=EvaluationAction.EVALUATION_MOMENT_PLANNED,
        acting_user=acting_user,
        coalition=coalition,
        check=partial(_check_moment, new_date=True),
    )


@transaction.atomic
def update_moment(
    moment: EvaluationMoment, *, acting_user: User, **fields: Any
) -> EvaluationMoment:
    """Reschedule (a new date) or mark as held or cancelled."""
    return audit.update(
        moment,
        fields,
        action=EvaluationAction.EVALUATION_MOMENT_UPDATED,
        acting_user=acting_user,
        coalition=moment.coalition,
        check=partial(
            _check_moment, new_date=fields.get("planned_on", moment.planned_on) != moment.planned_on
        ),
    )


@transaction.atomic
def delete_moment(moment: EvaluationMoment, *, acting_user: User) -> None:
    audit.delete(
        moment,
        action=EvaluationAction.EVALUATION_MOMENT_DELETED,
        acting_user=acting_user,
        coalition=moment.coalition,
    )


# Evaluations


def _check_evaluation(evaluation: Evaluation, *, participants: list[Partner] | None) -> None:
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
    evaluation = audit.create(
        Evaluation(coalition=coalition, recorded_by=acting_user, **fields),
        action=EvaluationAction.EVALUATION_RECORDED,
        acting_user=acting_user,
        coalition=coalition,
        check=partial(_check_evaluation, participants=participants),
        many={"participants": participants},
    )
    _mark_held(evaluation.moment)
    return evaluation


@transaction.atomic
def update_evaluation(
    evaluation: Evaluation,
    *,
    acting_user: User,
    participants: Iterable[Partner] | None = None,
    **fields: Any,
) -> Evaluation:
    if participants is not None:
        fields["participants"] = list(participants)
    audit.update(
        evaluation,
        fields,
        action=EvaluationAction.EVALUATION_UPDATED,
        acting_user=acting_user,
        coalition=evaluation.coalition,
        check=partial(_check_evaluation, participants=fields.get("participants")),
    )
    _mark_held(evaluation.moment)
    return evaluation


@transaction.atomic
def delete_evaluation(evaluation: Evaluation, *, acting_user: User) -> None:
    audit.delete(
        evaluation,
        action=EvaluationAction.EVALUATION_DELETED,
        acting_user=acting_user,
        coalition=evaluation.coalition,
    )

"""Write paths for funding sources: validated against the model's rules (Dutch messages at the
field), saved in one transaction with their audit record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from samenspel.core import audit
from samenspel.funding.audit_actions import FundingAction
from samenspel.funding.models import FundingSource

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

# The fields a person edits (the form's fields).
SOURCE_FIELDS = (
    "kind",
    "funder_name",
    "funder_partner",
    "amount",
    "start_date",
    "end_date",
    "conditions",
    "carries_activities",
    "continuity_plan",
)
TEXT_FIELDS = ("funder_name", "conditions", "continuity_plan")


def _check(source: FundingSource) -> None:
    for name in TEXT_FIELDS:
        setattr(source, name, (getattr(source, name) or "").strip())
    source.full_clean(exclude=["coalition"], validate_constraints=False)


@transaction.atomic
def create_source(coalition: Coalition, *, acting_user: User, **fields: Any) -> FundingSource:
    return audit.create(
        FundingSource(coalition=coalition, **fields),
        action=FundingAction.FUNDING_CREATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check,
    )


@transaction.atomic
def update_source(source: FundingSource, *, acting_user: User, **fields: Any) -> FundingSource:
    return audit.update(
        source,
        fields,
        action=FundingAction.FUNDING_UPDATED,
        acting_user=acting_user,
        coalition=source.coalition,
        check=_check,
    )


@transaction.atomic
def delete_source(source: FundingSource, *, acting_user: User) -> None:
    audit.delete(
        source,
        action=FundingAction.FUNDING_DELETED,
        acting_user=acting_user,
        coalition=source.coalition,
    )

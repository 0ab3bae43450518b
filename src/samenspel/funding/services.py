"""Write paths for funding sources: validated against the model's rules (Dutch messages at the
field), saved in one transaction with their audit record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _lazy

from samenspel.core import audit
from samenspel.funding.models import FundingSource

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

audit.register_actions(
    {
        "funding.created": _lazy("Financieringsbron toegevoegd"),
        "funding.updated": _lazy("Financieringsbron gewijzigd"),
        "funding.deleted": _lazy("Financieringsbron verwijderd"),
    }
)

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


def _audit_snapshot(source: FundingSource) -> dict[str, Any]:
    values = audit.snapshot(source, SOURCE_FIELDS)
    values["amount"] = str(source.amount)
    return values


def _save(source: FundingSource) -> None:
    for name in TEXT_FIELDS:
        setattr(source, name, (getattr(source, name) or "").strip())
    source.full_clean(exclude=["coalition"], validate_constraints=False)
    source.save()


@transaction.atomic
def create_source(coalition: Coalition, *, acting_user: User, **fields: Any) -> FundingSource:
    source = FundingSource(coalition=coalition, **fields)
    _save(source)
    audit.record(
        "funding.created",
        source,
        acting_user=acting_user,
        coalition=coalition,
        changes=_audit_snapshot(source),
    )
    return source


@transaction.atomic
def update_source(source: FundingSource, *, acting_user: User, **fields: Any) -> FundingSource:
    before = _audit_snapshot(FundingSource.objects.get(pk=source.pk))
    for name, value in fields.items():
        setattr(source, name, value)
    _save(source)
    audit.record_update(
        "funding.updated",
        source,
        before,
        _audit_snapshot(source),
        acting_user=acting_user,
        coalition=source.coalition,
    )
    return source


@transaction.atomic
def delete_source(source: FundingSource, *, acting_user: User) -> None:
    audit.record(
        "funding.deleted",
        source,
        acting_user=acting_user,
        coalition=source.coalition,
        changes=_audit_snapshot(source),
    )
    source.delete()

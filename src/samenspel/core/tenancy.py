"""Tenancy in the query layer: the only ways to read a coalition's data.

Every model that belongs to a coalition (a *tenant model*) declares how it reaches that coalition,
and where one partner organisation owns it, which one:

    class ContactPerson(models.Model):
        tenancy = Tenancy(coalition="partner__coalition", owner="partner")
        objects = TenantQuerySet.as_manager()

and is then read through exactly one of these doors:

- `Model.objects.visible_to(membership)`: what one person may see in one coalition. Rows marked
  `confidential` (personal data about residents) are narrowed to the partner organisation that
  owns them: not even a coordinator sees another organisation's confidential rows.
- `Model.objects.of_coalition(coalition)`: the coalition-wide rows, for code that already holds a
  coalition resolved through the tenancy gate (services, read models, the public finder of one
  coalition). Confidential models refuse it.
- `Model.objects.correlated()`: inside a correlated subquery or a prefetch of an outer query that
  went through a door (counts per row, a meeting's agenda).
- `Model.objects.across_coalitions()`: system processes that serve every coalition (reminders,
  benchmarks, the national aggregate). Explicit so that a reviewer can find each one.
- `lookup_or_404(queryset, uuid)`: one object from a queryset opened by one of these doors; it
  refuses a queryset that was never scoped.

`core/tests/test_tenancy_layer.py` lists every model that can reach a coalition, proves each one
declares its path, and fails when code outside the query layer reads a tenant manager unscoped.

Membership is duck-typed (`coalition_id`, `partner_id`) so that this module, the lowest layer,
imports no domain app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar
from uuid import UUID

from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Tenancy:
    """How a tenant model reaches its coalition and, where one owns it, its partner organisation.

    `coalition` and `owner` are ORM paths (``"meeting__coalition"``). `confidential` rows are
    visible only to members of the owning organisation.
    """

    coalition: str
    owner: str | None = None
    confidential: bool = False

    @property
    def coalition_key(self) -> str:
        """The lookup for the coalition's primary key; "" is the coalition itself."""
        return f"{self.coalition}_id" if self.coalition else "pk"

    @property
    def owner_key(self) -> str | None:
        """The lookup for the owning partner's primary key; "" is the partner itself."""
        if self.owner is None:
            return None
        return f"{self.owner}_id" if self.owner else "pk"

    def __post_init__(self) -> None:
        if self.confidential and not self.owner:
            raise ImproperlyConfigured("A confidential tenant model needs an owner path.")


class MembershipLike(Protocol):
    """What the doors read of a membership (`accounts.Membership`, which this layer cannot
    import, or the values `accounts.policy.PortfolioCoalition`). `Any`: the stubs type a
    model's key columns as their field class."""

    @property
    def coalition_id(self) -> Any: ...

    @property
    def partner_id(self) -> Any: ...


_M = TypeVar("_M", bound=models.Model)


class TenantQuerySet(models.QuerySet[_M]):
    """A queryset that knows whether it was scoped to a tenant."""

    _tenant_scoped = False

    def only(self, *fields: str) -> Self:
        # The coalition handed to each row is matched on the row's key column: a row that
        # defers that column would read it back with one query per row.
        narrowed = super().only(*fields)
        return narrowed._without_known_coalition(
            lambda field: field.name not in fields and field.attname not in fields
        )

    def defer(self, *fields: str | None) -> Self:
        narrowed = super().defer(*fields)
        return narrowed._without_known_coalition(
            lambda field: field.name in fields or field.attname in fields
        )

    def _without_known_coalition(self, deferred: Callable[[Any], bool]) -> Self:
        known: dict[Any, Any] = self._known_related_objects  # type: ignore[has-type]
        kept = {field: objects for field, objects in known.items() if not deferred(field)}
        if len(kept) != len(known):
            self._known_related_objects = kept
        return self

    def _clone(self) -> Self:
        clone = super()._clone()  # type: ignore[misc]  # private in the stubs
        clone._tenant_scoped = self._tenant_scoped
        return clone

    @classmethod
    def tenancy_of(cls, model: type[models.Model]) -> Tenancy:
        tenancy = getattr(model, "tenancy", None)
        if not isinstance(tenancy, Tenancy):
            raise ImproperlyConfigured(f"{model.__name__} does not declare its Tenancy.")
        return tenancy

    def _scoped(self, **lookup: Any) -> Self:
        scoped = self.filter(**lookup)
        scoped._tenant_scoped = True
        return scoped

    def visible_to(self, membership: MembershipLike | None) -> Self:
        if membership is None:
            return self.none()
        tenancy = self.tenancy_of(self.model)
        scoped = self._in_coalition(tenancy, membership.coalition_id, _cached_coalition(membership))
        if tenancy.confidential:
            if membership.partner_id is None:
                return scoped.none()
            scoped = scoped.filter(**{str(tenancy.owner_key): membership.partner_id})
        return scoped

    def _in_coalition(
        self, tenancy: Tenancy, coalition_id: int, coalition: models.Model | None
    ) -> Self:
        scoped = self._scoped(**{tenancy.coalition_key: coalition_id})
        if coalition is not None and tenancy.coalition and "__" not in tenancy.coalition:
            # Rows of a direct foreign key get the coalition we already hold, as a related
            # manager would do: `row.coalition` then costs no query.
            field = self.model._meta.get_field(tenancy.coalition)
            scoped._known_related_objects = {field: {coalition.pk: coalition}}
        return scoped

    def visible_across(self, memberships: Sequence[MembershipLike]) -> Self:
        """What a person sees in all the coalitions they are a member of (the portfolio)."""
        tenancy = self.tenancy_of(self.model)
        if tenancy.confidential:
            condition = models.Q(pk__in=[])
            for membership in memberships:
                if membership.partner_id is not None:
                    condition |= models.Q(
                        **{
                            tenancy.coalition_key: membership.coalition_id,
                            str(tenancy.owner_key): membership.partner_id,
                        }
                    )
            scoped = self.filter(condition)
            scoped._tenant_scoped = True
            return scoped
        ids = [membership.coalition_id for membership in memberships]
        return self._scoped(**{f"{tenancy.coalition_key}__in": ids})

    def of_coalition(self, coalition: models.Model | int) -> Self:
        tenancy = self.tenancy_of(self.model)
        if tenancy.confidential:
            raise ImproperlyConfigured(
                f"{self.model.__name__} is confidential: read it with visible_to(membership)."
            )
        if isinstance(coalition, int):
            return self._in_coalition(tenancy, coalition, None)
        return self._in_coalition(tenancy, coalition.pk, coalition)

    def correlated(self) -> Self:
        """Rows for a correlated subquery (`core.queries.related_count`), a prefetch, or a read by
        the keys of rows that went through a door (the times of one page of activities): the
        `OuterRef` link or those keys limit them, so a second scope would only add a join."""
        scoped = self.all()
        scoped._tenant_scoped = True
        return scoped

    def across_coalitions(self) -> Self:
        scoped = self.all()
        scoped._tenant_scoped = True
        return scoped

    @property
    def is_tenant_scoped(self) -> bool:
        return self._tenant_scoped


def _cached_coalition(membership: MembershipLike) -> models.Model | None:
    """The membership's coalition if it was read with it (no query to find out)."""
    state = getattr(membership, "_state", None)
    return state.fields_cache.get("coalition") if state is not None else None


def lookup_or_404(
    queryset: models.QuerySet[_M], uuid: UUID | str | None = None, **lookup: Any
) -> _M:
    """One object of a scoped queryset by its public uuid (or other lookups); 404 when it is not
    there, which for a person includes every object of another coalition."""
    if not getattr(queryset, "is_tenant_scoped", True):
        raise ImproperlyConfigured(
            f"lookup_or_404 needs a scoped {queryset.model.__name__} queryset "
            "(visible_to, of_coalition or across_coalitions)."
        )
    if uuid is not None:
        lookup["uuid"] = uuid
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


def of_other_coalition(related: Any, coalition_id: int) -> bool:
    """Whether a chosen object (a partner, a wijk, an activity) belongs to another coalition than
    the record it is chosen for: a write refuses that, whatever the form offered."""
    return related is not None and related.coalition_id != coalition_id


def check_same_coalition(
    coalition_id: int, related: Any, field: str, message: StrOrPromise
) -> None:
    """Refuses an object of another coalition at `field` with `message`; nothing chosen passes
    (whether a choice is required is the form's and the model's concern)."""
    if of_other_coalition(related, coalition_id):
        raise ValidationError({field: message})

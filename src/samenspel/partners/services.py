"""Write paths for partners, their contacts and the changes that call for a conversation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samenspel.core import audit
from samenspel.partners.audit_actions import PartnerAction
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

PARTNER_FIELDS = (
    "name",
    "kind",
    "circle",
    "motives",
    "roles",
    "resident_type",
    "represents",
    "participation_reason",
    "brings",
    "takes",
    "deal_breakers",
    "success_criteria",
    "joined_on",
    "left_on",
)


def duplicate_name_error() -> ValidationError:
    return ValidationError({"name": _("Deze coalitie heeft al een partner met deze naam.")})


def _check_partner(partner: Partner) -> None:
    """The model's rules (Dutch messages) and a name not yet taken in the coalition."""
    if (
        Partner.objects.of_coalition(partner.coalition_id)
        .filter(name__iexact=partner.name)
        .exclude(pk=partner.pk)
        .exists()
    ):
        raise duplicate_name_error()
    partner.full_clean(exclude=["coalition"], validate_constraints=False)


@contextmanager
def _name_race_as_field_error() -> Iterator[None]:
    """A partner saved with the same name at the same moment ends as a field error too."""
    try:
        yield
    except IntegrityError as error:
        raise duplicate_name_error() from error


@transaction.atomic
def create_partner(coalition: Coalition, *, acting_user: User, **fields: Any) -> Partner:
    with _name_race_as_field_error():
        return audit.create(
            Partner(coalition=coalition, **fields),
            action=PartnerAction.PARTNER_CREATED,
            acting_user=acting_user,
            coalition=coalition,
            check=_check_partner,
        )


@transaction.atomic
def update_partner(partner: Partner, *, acting_user: User, **fields: Any) -> Partner:
    with _name_race_as_field_error():
        return audit.update(
            partner,
            fields,
            action=PartnerAction.PARTNER_UPDATED,
            acting_user=acting_user,
            coalition=partner.coalition,
            check=_check_partner,
        )


def _check_event(event: PartnerEvent) -> None:
    event.full_clean(exclude=["partner", "recorded_by"])


@transaction.atomic
def record_event(partner: Partner, *, acting_user: User, **fields: Any) -> PartnerEvent:
    return audit.create(
        PartnerEvent(partner=partner, recorded_by=acting_user, **fields),
        action=PartnerAction.PARTNER_EVENT_RECORDED,
        acting_user=acting_user,
        coalition=partner.coalition,
        check=_check_event,
        subject=partner,
    )


@transaction.atomic
def update_event(event: PartnerEvent, *, acting_user: User, **fields: Any) -> PartnerEvent:
    return audit.update(
        event,
        fields,
        action=PartnerAction.PARTNER_EVENT_UPDATED,
        acting_user=acting_user,
        coalition=event.partner.coalition,
        check=_check_event,
        subject=event.partner,
    )


def _check_contact(contact: ContactPerson) -> None:
    contact.full_clean(exclude=["partner"])
    if contact.is_primary:
        # One first point of contact per partner: the new one takes over.
        contact.partner.contacts.exclude(pk=contact.pk).update(is_primary=False)


@transaction.atomic
def save_contact(
    partner: Partner, *, acting_user: User, contact: ContactPerson | None = None, **fields: Any
) -> ContactPerson:
    return audit.save(
        contact or ContactPerson(partner=partner),
        fields,
        created=PartnerAction.CONTACT_CREATED,
        updated=PartnerAction.CONTACT_UPDATED,
        acting_user=acting_user,
        coalition=partner.coalition,
        check=_check_contact,
    )


@transaction.atomic
def delete_contact(contact: ContactPerson, *, acting_user: User) -> None:
    audit.delete(
        contact,
        action=PartnerAction.CONTACT_DELETED,
        acting_user=acting_user,
        coalition=contact.partner.coalition,
    )

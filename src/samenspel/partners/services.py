"""Write paths for partners, their contacts and the changes that call for a conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.core import audit
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

audit.register_actions(
    {
        "partner.created": _lazy("Partner toegevoegd"),
        "partner.updated": _lazy("Partner gewijzigd"),
        "partner.event_recorded": _lazy("Verandering bij partner vastgelegd"),
        "partner.event_updated": _lazy("Gesprek over verandering bijgewerkt"),
        "contact.created": _lazy("Contactpersoon toegevoegd"),
        "contact.updated": _lazy("Contactpersoon gewijzigd"),
        "contact.deleted": _lazy("Contactpersoon verwijderd"),
    }
)

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
CONTACT_FIELDS = ("name", "function", "email", "phone", "is_primary")
EVENT_FIELDS = ("kind", "date", "description", "conversation")


def duplicate_name_error() -> ValidationError:
    return ValidationError({"name": _("Deze coalitie heeft al een partner met deze naam.")})


def _save_partner(partner: Partner) -> None:
    """Validate against the model's rules (Dutch messages) and save; a race on the unique name
    still ends as a field error rather than a server error."""
    if (
        Partner.objects.filter(coalition=partner.coalition, name__iexact=partner.name)
        .exclude(pk=partner.pk)
        .exists()
    ):
        raise duplicate_name_error()
    partner.full_clean(exclude=["coalition"], validate_constraints=False)
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError as error:
        raise duplicate_name_error() from error


@transaction.atomic
def create_partner(coalition: Coalition, *, acting_user: User, **fields: Any) -> Partner:
    partner = Partner(coalition=coalition, **fields)
    _save_partner(partner)
    audit.record(
        "partner.created",
        partner,
        acting_user=acting_user,
        coalition=coalition,
        changes=audit.snapshot(partner, PARTNER_FIELDS),
    )
    return partner


@transaction.atomic
def update_partner(partner: Partner, *, acting_user: User, **fields: Any) -> Partner:
    before = audit.snapshot(Partner.objects.get(pk=partner.pk), PARTNER_FIELDS)
    for name, value in fields.items():
        setattr(partner, name, value)
    _save_partner(partner)
    audit.record_update(
        "partner.updated",
        partner,
        before,
        audit.snapshot(partner, PARTNER_FIELDS),
        acting_user=acting_user,
        coalition=partner.coalition,
    )
    return partner


@transaction.atomic
def record_event(partner: Partner, *, acting_user: User, **fields: Any) -> PartnerEvent:
    event = PartnerEvent(partner=partner, recorded_by=acting_user, **fields)
    event.full_clean(exclude=["partner", "recorded_by"])
    event.save()
    audit.record(
        "partner.event_recorded",
        partner,
        acting_user=acting_user,
        coalition=partner.coalition,
        changes=audit.snapshot(event, EVENT_FIELDS),
    )
    return event


@transaction.atomic
def update_event(event: PartnerEvent, *, acting_user: User, **fields: Any) -> PartnerEvent:
    before = audit.snapshot(event, EVENT_FIELDS)
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean(exclude=["partner", "recorded_by"])
    event.save()
    audit.record(
        "partner.event_updated",
        event.partner,
        acting_user=acting_user,
        coalition=event.partner.coalition,
        changes=audit.diff(before, audit.snapshot(event, EVENT_FIELDS)),
    )
    return event


@transaction.atomic
def save_contact(
    partner: Partner, *, acting_user: User, contact: ContactPerson | None = None, **fields: Any
) -> ContactPerson:
    action = "contact.updated" if contact else "contact.created"
    contact = contact or ContactPerson(partner=partner)
    before = audit.snapshot(contact, CONTACT_FIELDS) if contact.pk else {}
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean(exclude=["partner"])
    if contact.is_primary:
        partner.contacts.exclude(pk=contact.pk).update(is_primary=False)
    contact.save()
    # Names of professional contacts only, never their e-mail or phone, in the audit trail.
    changed = sorted(audit.diff(before, audit.snapshot(contact, CONTACT_FIELDS)))
    audit.record(
        action,
        contact,
        acting_user=acting_user,
        coalition=partner.coalition,
        changes={"fields": changed},
    )
    return contact


@transaction.atomic
def delete_contact(contact: ContactPerson, *, acting_user: User) -> None:
    audit.record(
        "contact.deleted", contact, acting_user=acting_user, coalition=contact.partner.coalition
    )
    contact.delete()

"""The coordinator's form for a new scan round. The questionnaire itself is not a Django form:
its items come from the instrument (see `views/answer.py`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import Coalition
from samenspel.core.forms import FieldMessagesMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.partners.models import CoalitionRole, ContactPerson, Partner, PartnerKind
from samenspel.scans.instruments import AUDIENCES, Instrument, latest_instruments
from samenspel.scans.models import Round

SECONDS_PER_ITEM = 10
DEFAULT_OPEN_DAYS = 14
# For questionnaires about the coalition's steering, these partners are invited by default.
COORDINATION_ROLES = {CoalitionRole.PROCESS_LEAD, CoalitionRole.NETWORK_COORDINATION}


def estimated_minutes(instrument: Instrument) -> int:
    """About ten seconds per statement, in whole minutes (at least one). The invitation e-mail
    computes the same with `{% widthratio items 6 1 %}`."""
    return max(1, round(len(instrument.items) * SECONDS_PER_ITEM / 60))


def instrument_label(instrument: Instrument) -> str:
    audience = AUDIENCES.get(instrument.audience, instrument.audience)
    return str(
        _("%(title)s — voor: %(audience)s (%(items)d vragen, ongeveer %(minutes)d min.)")
        % {
            "title": instrument.title,
            "audience": audience.lower(),
            "items": len(instrument.items),
            "minutes": estimated_minutes(instrument),
        }
    )


def invitable_contacts(coalition: Coalition) -> list[ContactPerson]:
    """Contact persons of the coalition's current partners who can receive an invitation."""
    return list(
        ContactPerson.objects.of_coalition(coalition)
        .filter(partner__left_on__isnull=True)
        .exclude(email="")
        .select_related("partner")
        .order_by("partner__name", "-is_primary", "name")
    )


def preselected(contacts: list[ContactPerson], audience: str) -> list[ContactPerson]:
    """Who is ticked by default: primary contacts; for questionnaires about steering, the
    municipality and the partners that lead or coordinate the network."""
    if audience == "coordination":
        return [c for c in contacts if _steers(c.partner)]
    return [c for c in contacts if c.is_primary]


def _steers(partner: Partner) -> bool:
    return partner.kind == PartnerKind.MUNICIPALITY or bool(
        COORDINATION_ROLES & set(partner.roles or [])
    )


@dataclass(frozen=True)
class ContactGroup:
    """The contact persons of one partner, shown as one group of checkboxes."""

    partner: Partner
    options: list[dict[str, Any]]


class RoundForm(FieldMessagesMixin, forms.Form):
    instrument_key = forms.ChoiceField(
        label=_("Vragenlijst"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een vragenlijst.")},
    )
    title = forms.CharField(
        label=_("Titel van de ronde"),
        max_length=Round._meta.get_field("title").max_length,
        help_text=_("Bijvoorbeeld 'Voorjaar 2026'. De titel staat in de uitnodiging."),
        error_messages={
            "required": _("Geef de ronde een titel."),
            "max_length": _(
                "Maak de titel korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    anonymous = forms.BooleanField(
        label=_("Anoniem"),
        required=False,
        initial=True,
        help_text=_(
            "Anoniem betekent: antwoorden worden bewaard zonder naam, e-mailadres of organisatie "
            "van wie ze gaf. U ziet wel wie heeft geantwoord, maar nooit wat iemand antwoordde; "
            "ook de beheerders kunnen dat niet terugzoeken. Alleen de soort partner en de cirkel "
            "van betrokkenheid worden bewaard, en groepen van minder dan drie worden niet apart "
            "getoond. Zet dit uit als u per persoon wilt kunnen terugkijken; de uitnodiging "
            "zegt dan dat de antwoorden niet anoniem zijn."
        ),
    )
    closes_on = forms.DateField(
        label=_("Sluitdatum"),
        widget=DATE_WIDGET,
        help_text=_("Tot en met deze dag kan worden geantwoord. Kies een dag na vandaag."),
        error_messages={
            "required": _("Kies een sluitdatum."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026."),
        },
    )
    contacts = forms.MultipleChoiceField(
        label=_("Wie nodigt u uit?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Contactpersonen van de huidige partners met een e-mailadres. Iedereen krijgt een "
            "eigen link per e-mail; een account is niet nodig."
        ),
        error_messages={
            "required": _("Kies ten minste één contactpersoon met een e-mailadres."),
            "invalid_choice": _(
                "Deze contactpersoon hoort niet bij deze coalitie of heeft geen e-mailadres."
            ),
        },
    )

    def __init__(self, *args: Any, coalition: Coalition, instrument_key: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.instruments = {i.key: i for i in latest_instruments()}
        instrument_field = self.fields["instrument_key"]
        assert isinstance(instrument_field, forms.ChoiceField)
        instrument_field.choices = [
            (key, instrument_label(instrument)) for key, instrument in self.instruments.items()
        ]
        self.contact_list = invitable_contacts(coalition)
        contacts_field = self.fields["contacts"]
        assert isinstance(contacts_field, forms.MultipleChoiceField)
        contacts_field.choices = [(str(c.uuid), c.name) for c in self.contact_list]
        initial = self.instruments.get(instrument_key) or self._default_instrument()
        if initial is not None:
            self.initial.setdefault("instrument_key", initial.key)
            self.initial.setdefault(
                "contacts",
                [str(c.uuid) for c in preselected(self.contact_list, initial.audience)],
            )
        self.initial.setdefault(
            "closes_on", timezone.localdate() + datetime.timedelta(days=DEFAULT_OPEN_DAYS)
        )

    def _default_instrument(self) -> Instrument | None:
        for instrument in self.instruments.values():
            if instrument.audience == "partners":
                return instrument
        return next(iter(self.instruments.values()), None)

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Geef de ronde een titel."))
        return title

    def clean_closes_on(self) -> datetime.date:
        closes_on: datetime.date = self.cleaned_data["closes_on"]
        if closes_on <= timezone.localdate():
            raise forms.ValidationError(_("Kies een sluitdatum na vandaag."))
        return closes_on

    def clean_contacts(self) -> list[ContactPerson]:
        by_uuid = {str(c.uuid): c for c in self.contact_list}
        return [by_uuid[value] for value in self.cleaned_data["contacts"]]

    def contact_groups(self) -> list[ContactGroup]:
        """The checkboxes grouped per partner, with their checked state (posted or initial)."""
        if self.is_bound:
            posted = self.data.getlist(self.add_prefix("contacts"))  # type: ignore[attr-defined]
            chosen = set(posted)
        else:
            chosen = set(self.initial.get("contacts", []))
        groups: dict[int, ContactGroup] = {}
        for contact in self.contact_list:
            group = groups.setdefault(
                contact.partner_id, ContactGroup(partner=contact.partner, options=[])
            )
            group.options.append(
                {
                    "contact": contact,
                    "value": str(contact.uuid),
                    "id": f"id_contacts_{contact.uuid.hex}",
                    "checked": str(contact.uuid) in chosen,
                }
            )
        return list(groups.values())

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "instrument_key": data["instrument_key"],
            "title": data["title"],
            "anonymous": data["anonymous"],
            "closes_on": data["closes_on"],
            "contacts": data["contacts"],
        }

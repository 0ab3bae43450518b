"""Signals of loneliness: a worry about a resident, its consent records and its handovers.

Privacy by design (docs/privacy.md):

- The identifying fields (`PERSONAL`) are encrypted at rest (`crypto.py`) and named in
  `personal_fields`, so the audit trail records only that they changed.
- Signals, consents and handovers are `confidential` tenant rows owned by the organisation that
  holds the signal (`holder`): the intake organisation while it triages, the handling
  organisation from the handover on. Nobody else reads them, not even the coordinator: the
  coalition sees only the aggregate figures (`SignalQuerySet.figures_of`, `figures.py`).
- An anonymised signal keeps only what the figures need; `save()` blanks its personal fields,
  so the data cannot come back.
- No BSN, ever: there is no field for it and the free text asks not to write one.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet
from samenspel.signals.crypto import EncryptedCharField, EncryptedDateField, EncryptedTextField
from samenspel.signals.workflow import Outcome, Status, Urgency


class SourceKind(models.TextChoices):
    """Who noticed: the kinds of signaller the handbook names, and residents via the meldpunt."""

    CARE = "care", _("Zorgverlener")
    WELFARE = "welfare", _("Welzijn")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Buurt- of wijkteam")
    RESIDENT = "resident", _("Inwoner (meldpunt)")
    OTHER_PARTNER = "other_partner", _("Andere partner")


class Awareness(models.TextChoices):
    AGREES = "agrees", _("De inwoner weet ervan en vindt het goed")
    KNOWS = "knows", _("De inwoner weet ervan, maar gaf (nog) geen toestemming")
    UNAWARE = "unaware", _("De inwoner weet er niet van")


class SignalSettings(models.Model):
    """Per coalition: which organisation triages signals, and the public meldpunt."""

    coalition = coalition_link("signal_settings", one_to_one=True)
    intake = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("intake-organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "De organisatie die elk signaal als eerste bekijkt, vaak de welzijnsorganisatie."
        ),
    )
    meldpunt_open = models.BooleanField(
        _("meldpunt open"),
        default=False,
        help_text=_("Inwoners kunnen zonder account een zorg over een buurtgenoot melden."),
    )
    urgent_help = models.CharField(
        _("meldpunt van de gemeente"),
        max_length=200,
        blank=True,
        help_text=_(
            "Waar inwoners heen kunnen bij zorgwekkend gedrag, bijvoorbeeld een telefoonnummer."
        ),
    )

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("instellingen signalen")
        verbose_name_plural = _("instellingen signalen")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


# The identifying fields: encrypted, never in the trail, blanked by anonymisation.
PERSONAL = (
    "resident_name",
    "address",
    "phone",
    "birth_date",
    "how_to_reach",
    "situation",
    "signs",
)
# What the coalition's figures read: no field that points at one person.
FIGURE_FIELDS = ("received_at", "source_kind", "neighbourhood_id", "outcome", "first_contact_at")


class SignalQuerySet(TenantQuerySet["Signal"]):
    # The coalition's figures read values, never rows with personal data; the meldpunt's status
    # page finds one signal by the digest of its receipt code.
    tenant_doors = ("figures_of", "with_receipt")

    def figures_of(self, coalition: models.Model) -> models.QuerySet[Any]:
        return self._scoped(coalition=coalition).values(*FIGURE_FIELDS)

    def with_receipt(self, coalition: models.Model, code: str) -> SignalQuerySet:
        return self._scoped(coalition=coalition, receipt_digest=receipt_digest(code)).exclude(
            receipt_digest=""
        )

    def open(self) -> SignalQuerySet:
        return self.exclude(status=Status.CLOSED)


def receipt_digest(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


class Signal(models.Model):
    uuid = public_id()
    coalition = coalition_link("signals")
    holder = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("in handen van"),
        on_delete=models.PROTECT,
        related_name="held_signals",
    )
    intake = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("intake-organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handling = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("behandelende organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = user_link(_("gemeld door"))
    source_kind = models.CharField(_("soort melder"), max_length=20, choices=SourceKind.choices)
    neighbourhood = models.ForeignKey(
        "coalitions.Neighbourhood",
        verbose_name=_("wijk of kern"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    awareness = models.CharField(
        _("weet de inwoner ervan?"), max_length=10, choices=Awareness.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    status_since = models.DateField(_("status sinds"))
    deadline = models.DateField(_("uiterlijk volgende stap"), null=True, blank=True)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, editable=False)
    first_contact_at = models.DateTimeField(_("eerste contact op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("doorverwezen naar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    receipt_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    resident_name = EncryptedCharField(_("naam van de inwoner"), max_length=150)
    address = EncryptedCharField(_("adres"), max_length=200, blank=True)
    phone = EncryptedCharField(_("telefoon"), max_length=30, blank=True)
    birth_date = EncryptedDateField(_("geboortedatum"), null=True, blank=True)
    how_to_reach = EncryptedTextField(
        _("hoe bereikbaar"),
        blank=True,
        max_length=500,
        help_text=_("Bijvoorbeeld: 's ochtends thuis, slecht horend, via de buurvrouw."),
    )
    situation = EncryptedTextField(
        _("wat viel op"),
        blank=True,
        max_length=2000,
        help_text=_("Alleen wat nodig is om contact te leggen. Geen BSN of medische gegevens."),
    )
    signs = EncryptedTextField(_("signalen"), blank=True)

    tenancy = Tenancy(coalition="coalition", owner="holder", confidential=True)
    objects = SignalQuerySet.as_manager()
    personal_fields = frozenset(PERSONAL) | {"neighbourhood", "source_kind", "recorded_by"}

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["deadline", "-received_at"]
        indexes = [
            models.Index(fields=["coalition", "holder", "status"], name="signal_holder_status"),
            models.Index(fields=["coalition", "received_at"], name="signal_received"),
            # A holder's list in its order (selectors.held_signals): the first page is read
            # from the index, without sorting all the organisation's signals.
            models.Index(
                fields=["coalition", "holder", "deadline", "-received_at", "id"],
                name="signal_holder_list",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.anonymised_at is not None:
            # Retention guard: an anonymised signal never holds personal data again.
            for name in PERSONAL:
                setattr(self, name, None if name == "birth_date" else "")
        super().save(*args, **kwargs)

    def audit_label(self) -> str:
        return str(_("Signaal %(short)s") % {"short": self.short_code})

    @property
    def short_code(self) -> str:
        return str(self.uuid)[:8]

    @property
    def sign_keys(self) -> list[str]:
        return [key for key in (self.signs or "").split(",") if key]


class Purpose(models.TextChoices):
    HANDOVER = "handover", _("Gegevens overdragen aan een organisatie")
    CONTACT_PHONE = "contact_phone", _("Gebeld worden")
    VISIT = "visit", _("Bezocht worden")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("Mondeling, in persoon")
    PHONE = "phone", _("Telefonisch")
    WRITTEN = "written", _("Schriftelijk")


class Consent(models.Model):
    """The resident's consent for one purpose: who obtained it, when and how, and withdrawal."""

    uuid = public_id()
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    method = models.CharField(_("hoe gegeven"), max_length=20, choices=ConsentMethod.choices)
    given_on = models.DateField(_("gegeven op"))
    obtained_by = user_link(_("verkregen door"), blank=False)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    tenancy = Tenancy(coalition="signal__coalition", owner="signal__holder", confidential=True)
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return str(self.get_purpose_display())


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgewezen")


class Handover(models.Model):
    """One handover to a handling organisation and its answer."""

    uuid = public_id()
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="handovers")
    to = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("overgedragen aan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    handed_over_at = models.DateTimeField(_("overgedragen op"), auto_now_add=True)
    answer_by = models.DateField(_("antwoord uiterlijk"))
    exception_reason = EncryptedTextField(
        _("reden om zonder toestemming over te dragen"), blank=True, max_length=1000
    )
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision.choices, blank=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decline_reason = EncryptedTextField(_("reden van afwijzen"), blank=True, max_length=1000)

    tenancy = Tenancy(coalition="signal__coalition", owner="signal__holder", confidential=True)
    objects = TenantQuerySet.as_manager()
    personal_fields = frozenset({"exception_reason", "decline_reason"})

    class Meta:
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        ordering = ["handed_over_at", "id"]

    def __str__(self) -> str:
        return str(_("Overdracht aan %(to)s") % {"to": self.to})

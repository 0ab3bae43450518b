"""Scan rounds: a questionnaire (instrument) sent to partner representatives.

Anonymity by design: in an anonymous round a Response has no respondent, no partner and only a
date, so nothing stored links an answer to the person who gave it. A respondent finds their own
draft again through a key derived from the secret in their link; that key is erased when the
answers are submitted. Links are signed with the server's secret (not stored), so a reminder can
carry the same link.
"""

import hashlib
import uuid

from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.queries import related_count
from samenspel.core.tenancy import Tenancy, TenantQuerySet

LINK_SALT = "samenspel.scans.respondent-link"


def draft_key(link: str) -> str:
    """Where an anonymous respondent's draft is kept; derivable only from the link itself."""
    return hashlib.sha256(f"draft:{link}".encode()).hexdigest()


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Gesloten")


class RoundQuerySet(TenantQuerySet["Round"]):
    def for_coalition(self, coalition: models.Model) -> "RoundQuerySet":
        return self.filter(coalition=coalition)

    def accepting_answers(self) -> "RoundQuerySet":
        return self.filter(status=RoundStatus.OPEN, closes_on__gte=timezone.localdate())

    def with_counts(self) -> "RoundQuerySet":
        """Adds `n_invited`, `n_responded` and `n_submitted`: one query for any number of rounds."""
        return self.annotate(
            n_invited=related_count(Respondent.objects.all(), "round"),
            n_responded=related_count(Respondent.objects.filter(responded=True), "round"),
            n_submitted=related_count(
                Response.objects.filter(status=ResponseStatus.SUBMITTED), "round"
            ),
        )


class Round(models.Model):
    uuid = public_id()
    coalition = coalition_link("scan_rounds")
    instrument_key = models.CharField(_("vragenlijst"), max_length=40)
    instrument_version = models.PositiveIntegerField(_("versie van de vragenlijst"))
    title = models.CharField(
        _("titel"), max_length=150, help_text=_("Bijvoorbeeld 'Voorjaar 2026'.")
    )
    anonymous = models.BooleanField(
        _("anoniem"),
        default=True,
        help_text=_(
            "Bij een anonieme ronde ziet niemand wie wat antwoordde; dat staat ook in de uitnodiging."
        ),
    )
    closes_on = models.DateField(
        _("sluitdatum"), help_text=_("Tot en met deze dag kan worden geantwoord.")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    opened_at = models.DateTimeField(_("geopend op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    created_by = user_link(_("aangemaakt door"), blank=False, related_name=None)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("scanronde")
        verbose_name_plural = _("scanrondes")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["coalition", "instrument_key", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_accepting_answers(self) -> bool:
        return self.status == RoundStatus.OPEN and self.closes_on >= timezone.localdate()


class Respondent(models.Model):
    """Someone invited to answer one round, through a personal link that needs no account."""

    uuid = public_id()
    round = models.ForeignKey(
        Round, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="respondents"
    )
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    contact = models.ForeignKey(
        "partners.ContactPerson",
        verbose_name=_("contactpersoon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    responded = models.BooleanField(_("heeft geantwoord"), default=False)

    tenancy = Tenancy(coalition="round__coalition", owner="partner")
    objects = TenantQuerySet.as_manager()
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"name", "email"})

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenten")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "email"], name="one_invitation_per_email_per_round"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def _signature(self) -> str:
        value = f"{self.round.uuid}:{self.uuid}"
        return salted_hmac(LINK_SALT, value, algorithm="sha256").hexdigest()[:40]

    @property
    def link_token(self) -> str:
        """The secret part of the personal link: respondent id plus a signature."""
        return f"{self.uuid.hex}{self._signature()}"

    @classmethod
    def find(cls, token: str) -> "Respondent | None":
        """The respondent a link belongs to, or None for a forged or mangled link."""
        identifier, signature = token[:32], token[32:]
        try:
            respondent_uuid = uuid.UUID(hex=identifier)
        except ValueError:
            return None
        respondent = (
            cls.objects.select_related("round", "round__coalition", "partner")
            .filter(uuid=respondent_uuid)
            .first()
        )
        if respondent is None or not constant_time_compare(signature, respondent._signature()):
            return None
        return respondent


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")


class ResponseQuerySet(TenantQuerySet["Response"]):
    def submitted(self) -> "ResponseQuerySet":
        return self.filter(status=ResponseStatus.SUBMITTED)


class Response(models.Model):
    """One respondent's answers: {item key: value, or null for 'don't know'}.

    Named rounds link the respondent and partner; anonymous rounds keep only the partner kind and
    circle (for breakdowns, where groups under three are folded away) and a date.
    """

    uuid = public_id()
    round = models.ForeignKey(
        Round, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="responses"
    )
    instrument_version = models.PositiveIntegerField(_("versie van de vragenlijst"))
    respondent = models.OneToOneField(
        Respondent,
        verbose_name=_("respondent"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="response",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    partner_kind = models.CharField(_("soort partner"), max_length=24)
    circle = models.CharField(_("cirkel van betrokkenheid"), max_length=10)
    draft_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    answers = models.JSONField(_("antwoorden"), default=dict)
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)

    tenancy = Tenancy(coalition="round__coalition", owner="partner")
    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("antwoordenset")
        verbose_name_plural = _("antwoordensets")
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return str(self.uuid)

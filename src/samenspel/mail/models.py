"""The outbox: one row per e-mail to one address, from the moment it is written until delivery.

A row is written in the transaction of the action that causes the e-mail, so a rolled-back action
leaves no mail behind. Delivery (`samenspel.mail.delivery`) claims a row before sending it, which
is what makes every e-mail go out once, however many workers look at it.

The address and body are personal data of the recipient, and a body may hold a personal link
(an invitation, a scan, a new password): a body is blanked as soon as the mail server accepts it,
and some days after delivery was given up (`erased_at`); a blanked row cannot get its body back by
a save.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.tenancy import Tenancy, TenantQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SUBJECT_LENGTH = 255


class MailKind(models.TextChoices):
    INVITATION = "invitation", _("Uitnodiging voor Samenspel")
    PASSWORD_RESET = "password_reset", _("Nieuw wachtwoord")
    SCAN_INVITATION = "scan_invitation", _("Uitnodiging voor een scan")
    SCAN_REMINDER = "scan_reminder", _("Herinnering aan een scan")
    REMINDER = "reminder", _("Herinnering")
    MEETING_DOCUMENT = "meeting_document", _("Agenda of verslag van een overleg")


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Wacht op verzending")
    SENDING = "sending", _("Wordt verstuurd")
    SENT = "sent", _("Verstuurd")
    FAILED = "failed", _("Mislukt")


class MailError(models.TextChoices):
    """Why the last attempt failed, in words a coordinator can act on (no server messages: they
    can contain addresses or credentials)."""

    UNREACHABLE = "unreachable", _("De mailserver was niet bereikbaar.")
    RECIPIENT_REFUSED = (
        "recipient_refused",
        _("De mailserver weigerde het adres. Controleer of het e-mailadres klopt."),
    )
    REJECTED = "rejected", _("De mailserver weigerde de e-mail.")
    INTERRUPTED = (
        "interrupted",
        _("Het versturen werd onderbroken; het is niet zeker of de e-mail is aangekomen."),
    )
    OTHER = "other", _("Er ging iets mis bij het versturen.")


class OutgoingMailQuerySet(TenantQuerySet["OutgoingMail"]):
    def needing_attention(self) -> OutgoingMailQuerySet:
        """Mails a coordinator may want to act on: given up, or waiting for another attempt."""
        return self.filter(
            models.Q(status=MailStatus.FAILED) | models.Q(status=MailStatus.QUEUED, attempts__gt=0)
        )


def coalition_field(related_name: str, help_text: StrOrPromise) -> models.ForeignKey[Any, Any]:
    """The coalition a row of the outbox is for; none for mail about an account."""
    return models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("coalitie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
        help_text=help_text,
    )


class MailAttachment(models.Model):
    """A file sent with e-mails (a meeting's agenda as a PDF): stored once for all the e-mails
    of one action, and deleted once none of them still needs it (`delivery.forget_attachments`).
    """

    tenancy = Tenancy(coalition="coalition")

    coalition = coalition_field("mail_attachments", _("De coalitie waarvoor de e-mails zijn."))
    filename = models.CharField(
        _("bestandsnaam"), max_length=200, help_text=_("De naam van het bestand in de e-mail.")
    )
    content_type = models.CharField(
        _("soort bestand"), max_length=100, help_text=_("Het MIME-type, zoals application/pdf.")
    )
    content = models.BinaryField(_("inhoud"), help_text=_("Het bestand zelf."))
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Wanneer het bestand klaargezet is.")
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijlage van een e-mail")
        verbose_name_plural = _("bijlagen van e-mails")

    def __str__(self) -> str:
        return self.filename


class OutgoingMail(models.Model):
    tenancy = Tenancy(coalition="coalition")

    uuid = models.UUIDField(
        _("publieke sleutel"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Hiermee wordt de e-mail in adressen en de API aangeduid."),
    )
    coalition = coalition_field(
        "outgoing_mails", _("De coalitie waarvoor de e-mail is; leeg bij e-mail over een account.")
    )
    kind = models.CharField(
        _("soort"),
        max_length=30,
        choices=MailKind.choices,
        help_text=_("Waarom de e-mail wordt verstuurd."),
    )
    recipient = models.EmailField(
        _("ontvanger"), help_text=_("Het ene e-mailadres waar deze e-mail naartoe gaat.")
    )
    subject = models.CharField(
        _("onderwerp"), max_length=SUBJECT_LENGTH, help_text=_("De onderwerpregel.")
    )
    body = models.TextField(
        _("tekst"),
        blank=True,
        help_text=_("De tekst van de e-mail; wordt na de bewaartermijn gewist."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MailStatus.choices,
        default=MailStatus.QUEUED,
        help_text=_("Waar de e-mail is: in de wachtrij, onderweg, verstuurd of mislukt."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak versturen is geprobeerd.")
    )
    next_attempt_at = models.DateTimeField(
        _("volgende poging"),
        default=timezone.now,
        help_text=_("Niet eerder dan dit moment wordt (opnieuw) geprobeerd te versturen."),
    )
    last_attempt_at = models.DateTimeField(
        _("laatste poging"),
        null=True,
        blank=True,
        help_text=_("Wanneer het laatst is geprobeerd te versturen."),
    )
    last_error = models.CharField(
        _("laatste fout"),
        max_length=20,
        choices=MailError.choices,
        blank=True,
        help_text=_("Waarom de laatste poging mislukte, in gewone woorden."),
    )
    last_error_detail = models.CharField(
        _("technische fout"),
        max_length=100,
        blank=True,
        help_text=_("Soort fout en SMTP-code van de laatste mislukte poging, voor beheerders."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Wanneer de e-mail klaargezet is.")
    )
    sent_at = models.DateTimeField(
        _("verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de mailserver de e-mail aannam."),
    )
    attachment = models.ForeignKey(
        MailAttachment,
        verbose_name=_("bijlage"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mails",
        help_text=_("Een bestand dat met de e-mail meegaat; los gelaten zodra hij verstuurd is."),
    )
    erased_at = models.DateTimeField(
        _("tekst gewist op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de tekst na de bewaartermijn is gewist."),
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        # Audit labels use this: the kind, never the address.
        return str(self.get_kind_display())

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.erased_at is not None:
            self.body = ""
            self.attachment = None
        super().save(*args, **kwargs)

    @property
    def masked_recipient(self) -> str:
        """`j…@example.nl`: enough to recognise an address, not enough to harvest it."""
        local, _at, domain = self.recipient.partition("@")
        return f"{local[:1]}…@{domain}"

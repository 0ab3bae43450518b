import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class UserManager(DjangoUserManager["User"]):
    def _create_user_object(self, username, email, password, **extra_fields):
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        return user

    def create_user(self, email, password=None, **extra_fields):  # type: ignore[override]
        user = self._create_user_object(None, email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)


class NationalRole(models.TextChoices):
    """A role above the coalitions: it sees figures summed over all of them, never one coalition's
    own data and never personal data."""

    PROGRAMME = "programme", _("Landelijk programma")


# Sent with `user` once a new password of an existing person is saved.
password_changed = Signal()


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in by e-mail address. Roles live on Membership, per coalition."""

    uuid = public_id()
    email = models.EmailField(_("e-mailadres"), unique=True, help_text=_("Hiermee logt u in."))
    full_name = models.CharField(_("naam"), max_length=150, help_text=_("Voor- en achternaam."))
    national_role = models.CharField(
        _("landelijke rol"),
        max_length=20,
        choices=NationalRole.choices,
        blank=True,
        help_text=_(
            "Alleen voor medewerkers van het landelijk programma: zij zien cijfers over alle "
            "coalities samen, geen gegevens van één coalitie en geen persoonsgegevens."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("beheerder"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = UserManager()
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"email", "full_name"})

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.full_name or self.email

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self._new_password = True

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        new_password = getattr(self, "_new_password", False) and not self._state.adding
        super().save(*args, **kwargs)
        if new_password:
            self._new_password = False
            # Every way to a new password (reset link, the account page, the admin) ends here.
            password_changed.send(sender=User, user=self)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    PARTNER_MEMBER = "partner_member", _("Lid namens partner")
    MUNICIPALITY = "municipality", _("Gemeente")
    ADVISOR = "advisor", _("Adviseur")
    READ_ONLY = "read_only", _("Alleen lezen")


class MembershipQuerySet(TenantQuerySet["Membership"]):
    # A person's own memberships are the tenancy gate itself (accounts.policy).
    tenant_doors = ("for_user",)

    def for_user(self, user: User) -> "MembershipQuerySet":
        return self._scoped(user=user).select_related(
            "coalition", "coalition__municipality", "partner"
        )


class Membership(models.Model):
    """A person's role in one coalition. Partner members are tied to one partner organisation,
    so data that belongs to that organisation alone (later: signals about residents) can be
    limited to them."""

    uuid = public_id()
    user = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="memberships"
    )
    coalition = coalition_link("memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text=_("Verplicht voor leden namens een partner."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "coalition"], name="one_membership_per_coalition"
            ),
            models.CheckConstraint(
                condition=Q(role="partner_member", partner__isnull=False)
                | (~Q(role="partner_member") & Q(partner__isnull=True)),
                name="partner_only_for_partner_members",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"

    def audit_label(self) -> str:
        """Without the person's name: the trail refers to the account by its uuid."""
        return _("Lid als %(role)s") % {"role": self.get_role_display()}


def _token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(TenantQuerySet["Invitation"]):
    # Whoever holds an invitation link may see that one invitation.
    tenant_doors = ("with_secret",)

    def with_secret(self, raw: str) -> "InvitationQuerySet":
        return self._scoped(token_digest=_token_digest(raw))

    def open(self) -> "InvitationQuerySet":
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An e-mailed link that lets someone join a coalition in a role. Only a digest of the link's
    secret is stored, so a database leak does not hand out valid links."""

    uuid = public_id()
    coalition = coalition_link("invitations")
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    tenancy = Tenancy(coalition="coalition")
    objects = InvitationQuerySet.as_manager()
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"email"})

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        """Masked, because this label ends up in the audit trail."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}…@{domain}"

    @staticmethod
    def new_secret() -> tuple[str, str]:
        raw = secrets.token_urlsafe(32)
        return raw, _token_digest(raw)

    @classmethod
    def find_open(cls, raw: str) -> "Invitation | None":
        return cls.objects.with_secret(raw).open().select_related("coalition", "partner").first()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal API token (`Authorization: Token …`). Shown once; stored as a SHA-256 digest."""

    uuid = public_id()
    user = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("naam"), max_length=100, help_text=_("Waarvoor gebruikt u dit token?")
    )
    prefix = models.CharField(_("begin van het token"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    second_factor = models.BooleanField(
        _("met tweede factor"),
        default=False,
        editable=False,
        help_text=_(
            "Aangevraagd met een code uit de authenticator-app (of vanuit een sessie die er een "
            "had). Alleen zo'n token leest persoonsgegevens van inwoners."
        ),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: User, name: str, *, second_factor: bool = False) -> tuple["ApiToken", str]:
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=raw[:8],
            digest=_token_digest(raw),
            second_factor=second_factor,
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> "ApiToken | None":
        return cls.objects.active().select_related("user").filter(digest=_token_digest(raw)).first()

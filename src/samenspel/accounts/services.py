"""Write paths for people: invitations, memberships and personal API tokens.

One atomic function per action, with a keyword-only `acting_user`, writing the audit trail in the
same transaction. Business rules live here; views and the API only check the policy and call these.
Bad input raises `django.core.exceptions.ValidationError` with Dutch messages keyed by field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.audit_actions import AccountAction
from samenspel.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    Role,
    User,
    password_changed,
)
from samenspel.core import audit
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail, site_link

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner

# --- shared rules ---------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def invitation_is_open(invitation: Invitation) -> bool:
    return (
        invitation.accepted_at is None
        and invitation.revoked_at is None
        and invitation.expires_at > timezone.now()
    )


def _role_errors(coalition: Coalition, role: str, partner: Partner | None) -> dict[str, str]:
    """A partner goes with the role 'partner member' and with nothing else."""
    if role not in Role.values:
        return {"role": _("Kies een van de rollen uit de lijst.")}
    if role == Role.PARTNER_MEMBER:
        if partner is None:
            return {"partner": _("Kies de partnerorganisatie namens wie deze persoon meedoet.")}
        if partner.coalition_id != coalition.pk:
            return {"partner": _("Deze partnerorganisatie hoort niet bij deze coalitie.")}
        if partner.left_on is not None:
            return {"partner": _("Deze partnerorganisatie doet niet meer mee aan de coalitie.")}
    elif partner is not None:
        return {
            "partner": _(
                "Kies alleen een partnerorganisatie bij de rol ‘Lid namens partner’. "
                "Laat dit veld leeg voor de rol ‘%(role)s’."
            )
            % {"role": Role(role).label}
        }
    return {}


def _coordinator_ids(coalition: Coalition) -> list[int]:
    """The coalition's coordinators, locked so two removals cannot race past the last one."""
    return list(
        Membership.objects.of_coalition(coalition)
        .select_for_update()
        .filter(role=Role.COORDINATOR)
        .values_list("pk", flat=True)
    )


LAST_COORDINATOR = gettext_lazy(
    "Een coalitie heeft altijd minstens één coördinator nodig. "
    "Maak eerst iemand anders coördinator."
)


# --- invitations ----------------------------------------------------------------------------


def invitation_link(raw_token: str) -> str:
    return site_link(reverse("accounts:accept_invitation", args=[raw_token]))


@transaction.atomic
def invite_member(
    coalition: Coalition,
    *,
    acting_user: User,
    email: str,
    role: str,
    partner: Partner | None = None,
) -> Invitation:
    """Invite someone by e-mail. An earlier open invitation to the same address is replaced, so
    inviting again is how a coordinator re-sends a lost link."""
    email = normalize_email(email)
    errors: dict[str, Any] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")
    else:
        if Membership.objects.of_coalition(coalition).filter(user__email__iexact=email).exists():
            errors["email"] = _("%(email)s is al lid van deze coalitie.") % {"email": email}
    errors.update(_role_errors(coalition, role, partner))
    if errors:
        raise ValidationError(errors)

    for earlier in (
        Invitation.objects.of_coalition(coalition)
        .open()
        .select_for_update()
        .filter(email__iexact=email)
    ):
        _revoke(earlier, acting_user=acting_user, reason="replaced")

    raw, digest = Invitation.new_secret()
    invitation = audit.create(
        Invitation(
            coalition=coalition,
            email=email,
            role=role,
            partner=partner,
            token_digest=digest,
            invited_by=acting_user,
        ),
        action=AccountAction.INVITATION_CREATED,
        acting_user=acting_user,
        coalition=coalition,
        check=None,  # checked above
    )

    context = {
        "coalition": coalition,
        "invited_by": acting_user,
        "role": Role(role).label,
        "partner": partner,
        "link": invitation_link(raw),
        "valid_days": settings.INVITATION_VALID_DAYS,
        "expires_at": invitation.expires_at,
    }
    queue_mail(
        to=email,
        subject=render_to_string("accounts/email/invitation_subject.txt", context),
        body=render_to_string("accounts/email/invitation_body.txt", context),
        kind=MailKind.INVITATION,
        coalition=coalition,
    )
    return invitation


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, acting_user: User) -> Invitation:
    invitation = (
        Invitation.objects.of_coalition(invitation.coalition_id)
        .select_for_update()
        .get(pk=invitation.pk)
    )
    if not invitation_is_open(invitation):
        raise ValidationError(_("Deze uitnodiging is al gebruikt, ingetrokken of verlopen."))
    return _revoke(invitation, acting_user=acting_user)


def _revoke(invitation: Invitation, *, acting_user: User, reason: str = "") -> Invitation:
    return audit.update(
        invitation,
        {"revoked_at": timezone.now()},
        action=AccountAction.INVITATION_REVOKED,
        acting_user=acting_user,
        coalition=invitation.coalition,
        check=None,
        context={"reason": reason} if reason else None,
    )


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user: User) -> Membership:
    """The invited person (logged in with the invited e-mail address) joins the coalition."""
    invitation = (
        Invitation.objects.of_coalition(invitation.coalition_id)
        .select_for_update(of=("self",))
        .select_related("coalition", "partner")
        .get(pk=invitation.pk)
    )
    if not invitation_is_open(invitation):
        raise ValidationError(
            _("Deze uitnodiging is niet meer geldig. Vraag de coördinator om een nieuwe.")
        )
    if normalize_email(user.email) != normalize_email(invitation.email):
        raise ValidationError(
            _(
                "Deze uitnodiging is verstuurd naar %(email)s. "
                "Log in met dat e-mailadres om haar te accepteren."
            )
            % {"email": invitation.email}
        )
    if Membership.objects.of_coalition(invitation.coalition).filter(user=user).exists():
        raise ValidationError(_("U bent al lid van deze coalitie."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return audit.create(
        Membership(
            user=user,
            coalition=invitation.coalition,
            role=invitation.role,
            partner=invitation.partner,
        ),
        action=AccountAction.MEMBERSHIP_CREATED,
        acting_user=user,
        coalition=invitation.coalition,
        check=None,  # the invitation's role and partner were checked when it was sent
        context={"invitation": invitation.uuid},
    )


@transaction.atomic
def register_and_accept(invitation: Invitation, *, full_name: str, password: str) -> Membership:
    """Someone without an account accepts an invitation: the account is created with the invited
    e-mail address, the name and password they chose, and joins the coalition."""
    full_name = " ".join((full_name or "").split())
    errors: dict[str, Any] = {}
    if not full_name:
        errors["full_name"] = _("Vul uw naam in, zodat de andere leden weten wie u bent.")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _(
                "Er bestaat al een account met dit e-mailadres. "
                "Log in om de uitnodiging te accepteren."
            )
        )
    candidate = User(email=normalize_email(invitation.email), full_name=full_name)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        errors["password"] = error.messages
    if errors:
        raise ValidationError(errors)
    user = User.objects.create_user(candidate.email, password, full_name=full_name)
    # Only that an account came to be: its name and address are personal data.
    audit.record(AccountAction.USER_CREATED, user, acting_user=user, coalition=invitation.coalition)
    return accept_invitation(invitation, user=user)


# --- memberships ----------------------------------------------------------------------------


@transaction.atomic
def change_member_role(
    membership: Membership, *, acting_user: User, role: str, partner: Partner | None = None
) -> Membership:
    membership = _locked(membership)
    errors: dict[str, Any] = dict(_role_errors(membership.coalition, role, partner))
    if (
        not errors
        and membership.role == Role.COORDINATOR
        and role != Role.COORDINATOR
        and _coordinator_ids(membership.coalition) == [membership.pk]
    ):
        errors["role"] = LAST_COORDINATOR
    if errors:
        raise ValidationError(errors)
    return audit.update(
        membership,
        {"role": role, "partner": partner},
        action=AccountAction.MEMBERSHIP_UPDATED,
        acting_user=acting_user,
        coalition=membership.coalition,
        check=None,  # _role_errors above
    )


def _locked(membership: Membership) -> Membership:
    return (
        Membership.objects.of_coalition(membership.coalition_id)
        .select_for_update(of=("self",))
        .select_related("coalition", "user")
        .get(pk=membership.pk)
    )


@transaction.atomic
def remove_member(membership: Membership, *, acting_user: User) -> None:
    membership = _locked(membership)
    if membership.role == Role.COORDINATOR and _coordinator_ids(membership.coalition) == [
        membership.pk
    ]:
        raise ValidationError(LAST_COORDINATOR)
    audit.delete(
        membership,
        action=AccountAction.MEMBERSHIP_DELETED,
        acting_user=acting_user,
        coalition=membership.coalition,
    )


# --- personal API tokens ----------------------------------------------------------------------


@transaction.atomic
def create_api_token(
    *, acting_user: User, name: str, second_factor: bool = False
) -> tuple[ApiToken, str]:
    """A new personal API token; the raw value is returned once and never stored.
    `second_factor`: the person proved a second factor for it (only then may it read residents'
    personal data)."""
    name = " ".join((name or "").split())
    max_length = ApiToken._meta.get_field("name").max_length or 100
    if not name:
        raise ValidationError(
            {"name": _("Geef het token een naam, bijvoorbeeld waarvoor u het gebruikt.")}
        )
    if len(name) > max_length:
        raise ValidationError(
            {"name": _("Gebruik hoogstens %(max)d tekens.") % {"max": max_length}}
        )
    token, raw = ApiToken.issue(acting_user, name, second_factor=second_factor)
    audit.record(
        AccountAction.API_TOKEN_CREATED,
        token,
        acting_user=acting_user,
        coalition=None,
        changes=audit.changes_between(None, token, ["name", "second_factor"]),
    )
    return token, raw


@receiver(password_changed, dispatch_uid="samenspel.revoke_tokens_on_new_password")
def revoke_tokens_on_new_password(sender: Any, user: User, **kwargs: Any) -> None:
    """A new password ends every API token of that person: whoever reset a stolen password
    must not find a token made with it still working."""
    with transaction.atomic():
        for token in ApiToken.objects.filter(user=user).active():
            revoke_api_token(token, acting_user=user)


@transaction.atomic
def revoke_api_token(token: ApiToken, *, acting_user: User) -> ApiToken:
    if token.user_id != acting_user.pk:
        raise PermissionDenied
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    return audit.update(
        token,
        {"revoked_at": timezone.now()},
        action=AccountAction.API_TOKEN_REVOKED,
        acting_user=acting_user,
        coalition=None,
        check=None,
    )


@transaction.atomic
def change_name(user: User, *, acting_user: User, full_name: str) -> User:
    """A person changes their own name (how others see them in Samenspel)."""
    if user.pk != acting_user.pk:
        raise PermissionDenied
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise ValidationError({"full_name": _("Vul uw voor- en achternaam in.")})
    return audit.update(
        user,
        {"full_name": full_name},
        action=AccountAction.USER_RENAMED,
        acting_user=acting_user,
        coalition=None,
        check=lambda changed: changed.full_clean(exclude=["password"]),
    )


@transaction.atomic
def change_password(user: User, *, acting_user: User, password: str) -> User:
    """A new password, already checked by the form against the old one and the validators;
    the audit trail records that it changed, never the value."""
    if user.pk != acting_user.pk:
        raise PermissionDenied
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(AccountAction.PASSWORD_CHANGED, user, acting_user=acting_user, coalition=None)
    return user

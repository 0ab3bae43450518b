import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts import services
from samenspel.accounts.models import Invitation, Membership, Role, User
from samenspel.accounts.tests.factories import (
    DEFAULT_PASSWORD,
    InvitationFactory,
    MembershipFactory,
    UserFactory,
    client_for,
    partner_in,
)
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Samen-sterk-in-de-wijk-9"


def invite(coalition, acting_user, **kwargs):
    kwargs.setdefault("email", "nieuw@example.nl")
    kwargs.setdefault("role", Role.READ_ONLY)
    return services.invite_member(coalition, acting_user=acting_user, **kwargs)


def link_path(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/account/uitnodiging/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def test_invitation_end_to_end(coordinator, coalition, django_capture_on_commit_callbacks):
    partner = partner_in(coalition, name="Bibliotheek Zuid")
    coordinator_client = client_for(coordinator.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("members:invite", args=[coalition.uuid]),
            {"email": "Bram@Example.nl", "role": Role.PARTNER_MEMBER, "partner": str(partner.uuid)},
        )
    assert response.status_code == 302
    assert response.url == reverse("members:list", args=[coalition.uuid])
    [notice] = get_messages(response.wsgi_request)
    assert f"{settings.INVITATION_VALID_DAYS} dagen geldig" in str(notice)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bram@example.nl"]
    assert coalition.name in message.subject
    assert "namens Bibliotheek Zuid" in message.body
    assert f"{settings.INVITATION_VALID_DAYS} dagen geldig" in message.body
    path = link_path(message.body)

    invitee = Client()
    page = invitee.get(path)
    assert page.status_code == 200
    assert page.context["mode"] == "register"
    html = page.content.decode()
    assert 'for="id_full_name"' in html
    assert 'for="id_password"' in html

    response = invitee.post(
        path,
        {"full_name": "Bram de Vries", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("coalitions:dashboard", args=[coalition.uuid])

    user = User.objects.get(email="bram@example.nl")
    assert user.full_name == "Bram de Vries"
    assert user.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(user=user, coalition=coalition)
    assert (membership.role, membership.partner) == (Role.PARTNER_MEMBER, partner)
    assert invitee.session["_auth_user_id"] == str(user.pk)
    assert Invitation.objects.get().accepted_at is not None
    actions = set(AuditEvent.objects.filter(coalition=coalition).values_list("action", flat=True))
    assert {"invitation.created", "user.created", "membership.created"} <= actions

    # The link works once.
    again = Client().get(path)
    assert again.status_code == 410
    assert "al geaccepteerd" in again.content.decode()


def test_register_form_errors_are_shown_at_the_fields(coalition):
    invitation = InvitationFactory(coalition=coalition)
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    response = Client().post(path, {"full_name": "", "password": "123", "password_confirm": "123"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_full_name_error"' in html
    assert 'id="id_password_error"' in html
    assert not User.objects.filter(email=invitation.email).exists()


def test_password_confirmation_must_match(coalition):
    invitation = InvitationFactory(coalition=coalition)
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    response = Client().post(
        path, {"full_name": "Cor", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD + "x"}
    )
    assert "niet gelijk" in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_expired_invitation_is_refused_with_a_friendly_page(coalition):
    invitation = InvitationFactory(coalition=coalition)
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    with time_machine.travel(
        timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, minutes=1)
    ):
        response = Client().get(path)
        assert response.status_code == 410
        assert "verlopen" in response.content.decode()
        post = Client().post(
            path, {"full_name": "Cor", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
        )
        assert post.status_code == 410
    assert not Membership.objects.filter(coalition=coalition, user__email=invitation.email).exists()


def test_revoked_and_unknown_links(coordinator, coalition):
    invitation = InvitationFactory(coalition=coalition)
    services.revoke_invitation(invitation, acting_user=coordinator.user)
    response = Client().get(reverse("accounts:accept_invitation", args=[invitation.raw_token]))
    assert response.status_code == 410
    assert "ingetrokken" in response.content.decode()
    unknown = Client().get(reverse("accounts:accept_invitation", args=["onzin"]))
    assert unknown.status_code == 404
    assert "kennen we niet" in unknown.content.decode()


def test_existing_user_logged_in_with_the_invited_address_just_joins(coordinator, coalition):
    existing = UserFactory(email="carla@example.nl")
    invitation = InvitationFactory(
        coalition=coalition, email="carla@example.nl", role=Role.MUNICIPALITY
    )
    client = client_for(existing)
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    assert client.get(path).context["mode"] == "confirm"
    response = client.post(path)
    assert response.status_code == 302
    assert Membership.objects.get(user=existing, coalition=coalition).role == Role.MUNICIPALITY
    assert User.objects.filter(email="carla@example.nl").count() == 1


def test_existing_user_not_logged_in_is_asked_to_log_in_first(coalition):
    UserFactory(email="carla@example.nl")
    invitation = InvitationFactory(coalition=coalition, email="carla@example.nl")
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    client = Client()
    page = client.get(path)
    assert page.context["mode"] == "login"
    # Posting a registration cannot take over the existing account.
    client.post(
        path, {"full_name": "X", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    )
    assert not User.objects.get(email="carla@example.nl").check_password(NEW_PASSWORD)
    # Log in and come back.
    response = client.post(
        page.context["login_url"].split("?")[0] + "?next=" + path,
        {"username": "carla@example.nl", "password": DEFAULT_PASSWORD, "next": path},
    )
    assert response.status_code == 302
    assert response.url == path
    assert client.post(path).status_code == 302
    assert Membership.objects.filter(user__email="carla@example.nl", coalition=coalition).exists()


def test_logged_in_with_another_address_cannot_accept(coalition):
    invitation = InvitationFactory(coalition=coalition, email="carla@example.nl")
    somebody = UserFactory(email="iemand-anders@example.nl")
    client = client_for(somebody)
    path = reverse("accounts:accept_invitation", args=[invitation.raw_token])
    assert client.get(path).context["mode"] == "other_account"
    client.post(path)
    assert not Membership.objects.filter(coalition=coalition, user=somebody).exists()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_partner_member_invite_without_partner_is_refused_at_the_field(coordinator, coalition):
    client = client_for(coordinator.user)
    response = client.post(
        reverse("members:invite", args=[coalition.uuid]),
        {"email": "dirk@example.nl", "role": Role.PARTNER_MEMBER, "partner": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner"] == [
        "Kies de partnerorganisatie namens wie deze persoon meedoet."
    ]
    html = response.content.decode()
    assert 'id="id_partner_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_partner_is_forbidden_for_other_roles(coordinator, coalition):
    partner = partner_in(coalition)
    with pytest.raises(ValidationError) as error:
        invite(coalition, coordinator.user, role=Role.COORDINATOR, partner=partner)
    assert "partner" in error.value.message_dict


def test_partner_of_another_coalition_is_refused(coordinator, coalition):
    foreign = partner_in(MembershipFactory().coalition)
    with pytest.raises(ValidationError) as error:
        invite(coalition, coordinator.user, role=Role.PARTNER_MEMBER, partner=foreign)
    assert error.value.message_dict["partner"] == [
        "Deze partnerorganisatie hoort niet bij deze coalitie."
    ]
    # In the form, another coalition's partner is not even a choice.
    response = client_for(coordinator.user).post(
        reverse("members:invite", args=[coalition.uuid]),
        {"email": "dirk@example.nl", "role": Role.PARTNER_MEMBER, "partner": str(foreign.uuid)},
    )
    assert "partner" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_existing_member_cannot_be_invited_again(coordinator, coalition, member):
    with pytest.raises(ValidationError) as error:
        invite(coalition, coordinator.user, email=member.user.email.upper())
    assert "al lid" in error.value.message_dict["email"][0]


def test_inviting_again_replaces_the_earlier_link(
    coordinator, coalition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = invite(coalition, coordinator.user)
        second = invite(coalition, coordinator.user, role=Role.ADVISOR)
    assert len(mail.outbox) == 2
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert list(Invitation.objects.open()) == [second]
    old_link = link_path(mail.outbox[0].body)
    assert Client().get(old_link).status_code == 410


def test_mail_is_only_sent_when_the_transaction_commits(
    coordinator, coalition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invite(coalition, coordinator.user)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_accept_twice_is_refused(coalition):
    invitation = InvitationFactory(coalition=coalition, email="eva@example.nl")
    user = UserFactory(email="eva@example.nl")
    services.accept_invitation(invitation, user=user)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation, user=user)
    assert Membership.objects.filter(user=user, coalition=coalition).count() == 1

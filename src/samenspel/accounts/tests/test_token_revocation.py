"""A new password ends every API token of that person, whichever way the password changed: the
reset link, a form that sets it, or code that calls set_password."""

import re

import pytest
from django.contrib.auth.forms import PasswordChangeForm
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from samenspel.accounts.audit_actions import AccountAction
from samenspel.accounts.models import ApiToken
from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory, api_token_for
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Een-heel-nieuw-wachtwoord-7"


def works(raw: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    return client.get(reverse("auth_api:tokens")).status_code == 200


def test_a_password_reset_revokes_every_token(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="anna@example.nl")
    tokens = [api_token_for(user, name) for name in ("Script", "Koppeling")]
    other = UserFactory()
    _other_token, other_raw = api_token_for(other)
    assert all(works(raw) for _token, raw in tokens)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "anna@example.nl"})
    link = re.search(r"https?://[^/\s]+(/account/wachtwoord-herstellen/\S+/)", mail.outbox[0].body)
    assert link
    form_page = client.get(link.group(1), follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302

    assert not any(works(raw) for _token, raw in tokens)
    assert ApiToken.objects.filter(user=user).active().count() == 0
    assert works(other_raw)  # someone else's tokens are theirs
    revoked = AuditEvent.objects.filter(action=AccountAction.API_TOKEN_REVOKED)
    assert revoked.count() == 2
    assert {event.actor_id for event in revoked} == {user.pk}


def test_a_password_change_revokes_every_token():
    user = UserFactory()
    _token, raw = api_token_for(user)
    form = PasswordChangeForm(
        user,
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert form.is_valid(), form.errors
    form.save()
    assert not works(raw)


def test_saving_without_a_new_password_keeps_the_tokens():
    user = UserFactory()
    _token, raw = api_token_for(user)
    user.full_name = "Anna de Vries"
    user.save()
    assert works(raw)
    user.set_password(NEW_PASSWORD)
    user.save()
    assert not works(raw)
    _new, new_raw = api_token_for(user)
    user.save()  # the new password was saved already: a later save revokes nothing
    assert works(new_raw)

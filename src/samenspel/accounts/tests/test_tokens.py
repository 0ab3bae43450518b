from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from samenspel.accounts.models import ApiToken
from samenspel.accounts.tests.factories import (
    DEFAULT_PASSWORD,
    UserFactory,
    api_token_for,
    client_for,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def obtain(client, email, password, **extra):
    return client.post(
        reverse("auth_api:token"), {"email": email, "password": password, **extra}, format="json"
    )


def test_obtain_use_list_and_revoke_a_token():
    user = UserFactory(email="anna@example.nl")
    client = APIClient()

    response = obtain(client, "Anna@example.nl", DEFAULT_PASSWORD, name="Mijn script")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "uuid", "name", "prefix", "second_factor", "created_at"}
    assert body["name"] == "Mijn script"
    raw = body["token"]
    assert ApiToken.objects.get(uuid=body["uuid"]).user == user

    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    listed = client.get(reverse("auth_api:tokens"))
    assert listed.status_code == 200
    assert [t["uuid"] for t in listed.json()["results"]] == [body["uuid"]]
    assert "token" not in listed.json()["results"][0]
    assert ApiToken.objects.get(uuid=body["uuid"]).last_used_at is not None

    revoked = client.delete(reverse("auth_api:token_detail", args=[body["uuid"]]))
    assert revoked.status_code == 204
    after = client.get(reverse("auth_api:tokens"))
    assert after.status_code == 401
    assert after["Content-Type"] == PROBLEM
    assert after["WWW-Authenticate"] == "Token"


def test_obtain_without_name_gets_a_default_name():
    UserFactory(email="anna@example.nl")
    response = obtain(APIClient(), "anna@example.nl", DEFAULT_PASSWORD)
    assert response.status_code == 201
    assert response.json()["name"].startswith("API-token ")


def test_wrong_password_is_a_400_problem_in_dutch():
    UserFactory(email="anna@example.nl")
    response = obtain(APIClient(), "anna@example.nl", "fout")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 400
    assert problem["invalid_params"] == [
        {
            "name": "non_field_errors",
            "reason": "Dit e-mailadres en wachtwoord horen niet bij elkaar.",
        }
    ]


def test_missing_fields_are_reported_per_field():
    response = obtain(APIClient(), "", "")
    assert response.status_code == 400
    names = {param["name"] for param in response.json()["invalid_params"]}
    assert names == {"email", "password"}


def test_unauthenticated_api_calls_get_401():
    response = APIClient().get(reverse("auth_api:tokens"))
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_unknown_or_malformed_token_is_rejected():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert client.get(reverse("auth_api:tokens")).status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token twee delen")
    assert client.get(reverse("auth_api:tokens")).status_code == 401


def test_token_of_an_inactive_user_is_rejected():
    user = UserFactory()
    _token, raw = api_token_for(user)
    user.is_active = False
    user.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    response = client.get(reverse("auth_api:tokens"))
    assert response.status_code == 401
    assert "niet actief" in response.json()["detail"]


def test_last_used_is_written_at_most_once_a_minute(django_assert_num_queries):
    user = UserFactory()
    token, raw = api_token_for(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(reverse("auth_api:tokens"))
        token.refresh_from_db()
        first = token.last_used_at
        assert first == start
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        client.get(reverse("auth_api:tokens"))
        token.refresh_from_db()
        assert token.last_used_at == first
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        client.get(reverse("auth_api:tokens"))
        token.refresh_from_db()
        assert token.last_used_at > first


def test_others_tokens_are_404():
    mine, theirs = UserFactory(), UserFactory()
    _token, raw = api_token_for(mine)
    other_token, _raw = api_token_for(theirs)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    assert client.get(reverse("auth_api:token_detail", args=[other_token.uuid])).status_code == 404
    assert (
        client.delete(reverse("auth_api:token_detail", args=[other_token.uuid])).status_code == 404
    )
    other_token.refresh_from_db()
    assert other_token.revoked_at is None


def test_logged_in_user_creates_a_token_through_the_api():
    user = UserFactory()
    client = APIClient()
    client.force_authenticate(user)
    response = client.post(reverse("auth_api:tokens"), {"name": "CRM"}, format="json")
    assert response.status_code == 201
    assert response.json()["token"]
    empty = client.post(reverse("auth_api:tokens"), {"name": "  "}, format="json")
    assert empty.status_code == 400


def test_api_login_failures_count_towards_the_lockout():
    UserFactory(email="anna@example.nl")
    client = APIClient()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert obtain(client, "anna@example.nl", "fout").status_code == 400
    with override_settings(AXES_LOCKOUT_CALLABLE="samenspel.accounts.lockout.lockout_response"):
        locked = obtain(client, "anna@example.nl", "fout")
        assert locked.status_code == 429
        assert locked["Content-Type"] == PROBLEM
        assert "een uur" in locked.json()["detail"]
        assert obtain(client, "anna@example.nl", DEFAULT_PASSWORD).status_code == 429
    assert not ApiToken.objects.exists()


def test_obtaining_tokens_is_throttled():
    client = APIClient()
    statuses = [obtain(client, f"x{n}@example.nl", "fout").status_code for n in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


def test_tokens_page_shows_a_new_token_once_and_revokes():
    user = UserFactory()
    client = client_for(user)
    page = client.get(reverse("accounts:tokens"))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]

    created = client.post(reverse("accounts:tokens"), {"name": "Rapportage"})
    assert created.status_code == 200
    raw = created.context["new_token_raw"]
    assert raw in created.content.decode()
    token = ApiToken.objects.get(user=user)
    assert token.name == "Rapportage"
    assert ApiToken.authenticate(raw) == token
    assert raw not in client.get(reverse("accounts:tokens")).content.decode()

    revoked = client.post(reverse("accounts:revoke_token", args=[token.uuid]))
    assert revoked.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_tokens_page_name_is_required_at_the_field():
    client = client_for(UserFactory())
    response = client.post(reverse("accounts:tokens"), {"name": ""})
    assert 'id="id_name_error"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_cannot_revoke_someone_elses_token_on_the_page():
    theirs, _raw = api_token_for(UserFactory())
    response = client_for(UserFactory()).post(reverse("accounts:revoke_token", args=[theirs.uuid]))
    assert response.status_code == 404

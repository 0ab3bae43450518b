"""A limit per network address on the login, across accounts: one password tried on many
accounts from one address is stopped, while people elsewhere still log in."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIMIT = 6  # above the per-account limit of the test settings (3)


def login(client: Client, email: str, password: str, address: str):
    return client.post(
        reverse("accounts:login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=LIMIT)
def test_failures_on_many_accounts_lock_the_address_not_the_people():
    people = [UserFactory(email=f"persoon{n}@example.nl") for n in range(8)]
    attacker = Client()
    # Two wrong passwords per account: no account reaches its own limit.
    statuses = [
        login(attacker, person.email, f"raden-{n}", "203.0.113.9").status_code
        for person in people[:3]
        for n in range(2)
    ]
    assert statuses == [200] * LIMIT

    locked = login(attacker, people[3].email, DEFAULT_PASSWORD, "203.0.113.9")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Vanaf dit netwerkadres is te vaak een verkeerd wachtwoord ingevuld" in html
    assert "Nieuw wachtwoord instellen" not in html  # a new password does not lift it
    assert "_auth_user_id" not in attacker.session

    # The same person from another address logs in as usual.
    elsewhere = Client()
    assert login(elsewhere, people[3].email, DEFAULT_PASSWORD, "198.51.100.7").status_code == 302


@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=LIMIT)
def test_the_token_api_names_the_address_lock():
    for n in range(LIMIT):
        UserFactory(email=f"persoon{n}@example.nl")
        login(Client(), f"persoon{n}@example.nl", "fout", "203.0.113.9")
    response = APIClient().post(
        reverse("auth_api:token"),
        {"email": "persoon0@example.nl", "password": DEFAULT_PASSWORD},
        format="json",
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Vanaf dit netwerkadres is te vaak")


def test_the_per_account_lock_still_offers_a_new_password(client):
    UserFactory(email="anna@example.nl")
    for n in range(3):
        response = login(client, "anna@example.nl", f"fout-{n}", "192.0.2.1")
    assert response.status_code == 429
    assert "Nieuw wachtwoord instellen" in response.content.decode()

import pytest
from django.test import Client

from samenspel.accounts.models import User

LOGIN_BACKEND = "samenspel.accounts.backends.EmailBackend"


@pytest.fixture
def user(db: None) -> User:
    return User.objects.create_user(
        email="coordinator@example.org", password="een-lang-wachtwoord", full_name="Co Ördinator"
    )


@pytest.fixture
def member_client(client: Client, user: User) -> Client:
    client.force_login(user, backend=LOGIN_BACKEND)
    return client

import pytest
from django.test import Client

from samenspel.accounts.tests.factories import MembershipFactory


def logged_in(membership) -> Client:
    client = Client()
    client.force_login(membership.user, backend="samenspel.accounts.backends.EmailBackend")
    return client


@pytest.fixture
def coordinator(db):
    return MembershipFactory(coordinator=True)


@pytest.fixture
def coalition(coordinator):
    return coordinator.coalition


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    return logged_in(coordinator)


@pytest.fixture
def reader_client(coalition) -> Client:
    return logged_in(MembershipFactory(coalition=coalition, read_only=True))

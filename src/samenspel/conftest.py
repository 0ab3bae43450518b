import pytest
from django.test import Client

from samenspel.accounts.models import Membership
from samenspel.accounts.tests.factories import MembershipFactory, client_for


@pytest.fixture
def coordinator(db):
    return MembershipFactory(coordinator=True)


@pytest.fixture
def coalition(coordinator):
    return coordinator.coalition


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    return client_for(coordinator.user)


@pytest.fixture
def reader_client(coalition) -> Client:
    reader: Membership = MembershipFactory(coalition=coalition, read_only=True)  # type: ignore[assignment]
    return client_for(reader.user)

import pytest
from django.core.cache import cache

from samenspel.accounts.tests.factories import MembershipFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """API throttling counts in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def coordinator(db):
    return MembershipFactory(coordinator=True)


@pytest.fixture
def coalition(coordinator):
    return coordinator.coalition


@pytest.fixture
def member(coalition):
    """A member without the right to manage members."""
    return MembershipFactory(coalition=coalition, read_only=True)


@pytest.fixture
def outsider(db):
    """Someone with an account and a coalition of their own, but not in `coalition`."""
    return MembershipFactory(coordinator=True)

import functools
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import NoReverseMatch, clear_url_caches, reverse, set_urlconf

from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory

# Every name these tests (and base.html) reverse, with sample arguments.
NEEDED_NAMES = {
    "accounts:login": [],
    "accounts:tokens": [],
    "coalitions:home": [],
    "coalitions:dashboard": [uuid.uuid4()],
    "coalitions:where": [uuid.uuid4()],
    "partners:list": [uuid.uuid4()],
    "partners:map": [uuid.uuid4()],
    "guide:index": [],
    "set_language": [],
    "members:list": [uuid.uuid4()],
    "members_api:list": [uuid.uuid4()],
    "auth_api:tokens": [],
}


@functools.cache
def project_urlconf_ready() -> bool:
    try:
        for name, args in NEEDED_NAMES.items():
            reverse(name, args=args, urlconf="samenspel.urls")
    except (ImportError, NoReverseMatch):
        return False
    return True


@pytest.fixture(autouse=True)
def _urlconf(settings):
    """Test against the project's URLconf once it is complete; until then against a stand-in
    that mounts the accounts URLconfs at the same paths."""
    if not project_urlconf_ready():
        settings.ROOT_URLCONF = "samenspel.accounts.tests.urls"
        clear_url_caches()
        set_urlconf(None)
    yield
    clear_url_caches()


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


def client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend="samenspel.accounts.backends.EmailBackend")
    return client


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()

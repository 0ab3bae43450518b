import pytest
from django.test import Client

from samenspel.accounts.models import Membership
from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.mail.tests.smtp import MailServer


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


@pytest.fixture
def mail_server():
    """A real SMTP server on 127.0.0.1 that is down until the test starts it."""
    server = MailServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server(mail_server):
    mail_server.start()
    return mail_server

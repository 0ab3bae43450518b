import pytest

from samenspel.mail.tests.smtp import MailServer


@pytest.fixture
def mail_server():
    """A mail server that is down until the test starts it."""
    server = MailServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server(mail_server):
    mail_server.start()
    return mail_server

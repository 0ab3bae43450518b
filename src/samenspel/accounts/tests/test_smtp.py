"""One test through a real SMTP conversation (aiosmtpd on 127.0.0.1), as in production."""

import socket
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from samenspel.accounts import services
from samenspel.accounts.models import Role


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=default_policy))
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.mark.django_db
def test_invitation_mail_arrives_over_smtp(
    smtp_server, coordinator, coalition, django_capture_on_commit_callbacks
):
    controller, inbox = smtp_server
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=controller.hostname,
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=5,
            DEFAULT_FROM_EMAIL="Samenspel <noreply@samenspel.test>",
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.invite_member(
            coalition,
            acting_user=coordinator.user,
            email="gerrit@example.nl",
            role=Role.ADVISOR,
        )
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == ["gerrit@example.nl"]
    assert message["From"] == "Samenspel <noreply@samenspel.test>"
    assert coalition.name in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "https://samenspel.test/account/uitnodiging/" in body
    assert "Adviseur" in body

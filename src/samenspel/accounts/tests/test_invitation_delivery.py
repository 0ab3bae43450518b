"""An invitation reaches the invited person exactly once, also when the mail server is down for a
while: the account services send through the outbox (`samenspel.mail`)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from samenspel.accounts import services
from samenspel.accounts.models import Role
from samenspel.mail.delivery import deliver_due
from samenspel.mail.models import MailError, MailStatus, OutgoingMail
from samenspel.mail.tests.smtp import smtp_settings

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ADDRESS = "gerrit@example.nl"


def invite(coalition, coordinator, email=ADDRESS):
    return services.invite_member(
        coalition, acting_user=coordinator.user, email=email, role=Role.ADVISOR
    )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_an_invitation_sent_while_the_server_is_down_arrives_once_when_it_is_back(
    coordinator, coalition, mail_server, time_machine
):
    from django_tasks_db.models import DBTaskResult

    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC), tick=False)
    with override_settings(**smtp_settings(mail_server), TASKS=DATABASE_TASKS):
        invite(coalition, coordinator)
        run_worker()  # the server is down: the first attempt fails

        outgoing = OutgoingMail.objects.get()
        assert outgoing.status == MailStatus.QUEUED
        assert outgoing.attempts == 1
        assert outgoing.last_error == MailError.UNREACHABLE
        assert outgoing.next_attempt_at == timezone.now() + datetime.timedelta(minutes=1)
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.run_after == outgoing.next_attempt_at

        mail_server.start()
        run_worker()  # not yet due: the server hears nothing
        assert mail_server.inbox.messages == []

        time_machine.shift(datetime.timedelta(minutes=1))
        run_worker()
        run_worker()
        call_command("send_queued_mail", stdout=StringIO())

    assert len(mail_server.inbox.to(ADDRESS)) == 1
    assert len(mail_server.inbox.messages) == 1
    outgoing.refresh_from_db()
    assert (outgoing.status, outgoing.attempts, outgoing.last_error) == (MailStatus.SENT, 2, "")
    assert outgoing.sent_at == timezone.now()


@pytest.mark.django_db
def test_without_a_deferring_queue_the_sweep_delivers_the_retry_once(
    coordinator, coalition, mail_server, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC), tick=False)
    with override_settings(**smtp_settings(mail_server)):
        with django_capture_on_commit_callbacks(execute=True):
            invite(coalition, coordinator)
        assert OutgoingMail.objects.get().status == MailStatus.QUEUED

        mail_server.start()
        assert deliver_due() == 0  # the retry is not due yet
        time_machine.shift(datetime.timedelta(minutes=2))
        assert deliver_due() == 1
        assert deliver_due() == 0

    (message,) = mail_server.inbox.to(ADDRESS)
    assert "/account/uitnodiging/" in message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.django_db
def test_the_pauses_grow_and_the_last_attempt_ends_in_failed(
    coordinator, coalition, mail_server, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC), tick=False)
    with override_settings(**smtp_settings(mail_server)):
        with django_capture_on_commit_callbacks(execute=True):
            invite(coalition, coordinator)
        outgoing = OutgoingMail.objects.get()
        pauses = []
        while outgoing.status == MailStatus.QUEUED:
            pauses.append(outgoing.next_attempt_at - outgoing.last_attempt_at)
            time_machine.move_to(outgoing.next_attempt_at, tick=False)
            deliver_due()
            outgoing.refresh_from_db()

    assert [pause.total_seconds() for pause in pauses] == [60, 240, 960, 3600]
    assert (outgoing.status, outgoing.attempts) == (MailStatus.FAILED, 5)
    assert outgoing.last_error == MailError.UNREACHABLE
    assert outgoing.last_error_detail == "ConnectionRefusedError"
    time_machine.shift(datetime.timedelta(days=1))
    assert deliver_due() == 0


@pytest.mark.django_db
def test_a_rolled_back_action_sends_nothing(
    coordinator, coalition, django_capture_on_commit_callbacks
):
    @transaction.atomic
    def invite_then_fail():
        invite(coalition, coordinator)
        raise RuntimeError("something after the invitation fails")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        invite_then_fail()

    assert callbacks == []

    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_invitation_mail_says_who_invites_and_links_to_the_site(
    smtp_server, coordinator, coalition, django_capture_on_commit_callbacks
):
    mail_settings = smtp_settings(smtp_server)
    with (
        override_settings(**mail_settings),
        django_capture_on_commit_callbacks(execute=True),
    ):
        invite(coalition, coordinator)
    [message] = smtp_server.inbox.to(ADDRESS)
    assert message["From"] == mail_settings["DEFAULT_FROM_EMAIL"]
    assert coalition.name in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "https://samenspel.test/account/uitnodiging/" in body
    assert "Adviseur" in body

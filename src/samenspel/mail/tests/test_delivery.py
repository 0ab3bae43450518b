"""Every e-mail is delivered exactly once, also when the mail server is down for a while."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from samenspel.core.testing import run_together
from samenspel.mail.delivery import claim, deliver, deliver_due, erase_old_bodies, pause_after
from samenspel.mail.models import MailAttachment, MailError, MailKind, MailStatus, OutgoingMail
from samenspel.mail.outbox import queue_mail, store_attachment
from samenspel.mail.tests.smtp import MailServer, smtp_settings

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ADDRESS = "gerrit@example.nl"


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


def test_the_pause_is_bounded_by_an_hour(settings):
    settings.MAIL_RETRY_SECONDS = 600
    assert pause_after(1) == datetime.timedelta(minutes=10)
    assert pause_after(2) == datetime.timedelta(minutes=40)
    assert pause_after(3) == datetime.timedelta(hours=1)
    assert pause_after(9) == datetime.timedelta(hours=1)


class RefusesEveryone:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such user here"


@pytest.mark.django_db
def test_an_address_the_server_refuses_fails_at_once(coalition):
    server = MailServer(handler=RefusesEveryone())
    server.start()
    try:
        outgoing = queue_mail(
            to=ADDRESS, subject="Test", body="Tekst", kind=MailKind.REMINDER, coalition=coalition
        )
        with override_settings(**smtp_settings(server)):
            assert deliver(outgoing.pk) is False
    finally:
        server.stop()

    outgoing.refresh_from_db()
    assert (outgoing.status, outgoing.attempts) == (MailStatus.FAILED, 1)
    assert outgoing.last_error == MailError.RECIPIENT_REFUSED
    assert outgoing.last_error_detail == "SMTPRecipientsRefused"


@pytest.mark.django_db
def test_a_claimed_mail_cannot_be_claimed_again():
    outgoing = queue_mail(to=ADDRESS, subject="Test", body="Tekst", kind=MailKind.REMINDER)

    assert claim(outgoing.pk) is not None
    assert claim(outgoing.pk) is None
    assert deliver(outgoing.pk) is False
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_deliver_once():
    """Two threads, each with its own connection, try to deliver the same row at once: the second
    claim waits for the first (SQLite takes the write lock at the start of a transaction and
    waits for it) and then finds the row taken."""
    # Written without queue_mail: here no task may deliver it before the two workers start.
    outgoing = OutgoingMail.objects.create(
        kind=MailKind.REMINDER, recipient=ADDRESS, subject="Test", body="Tekst"
    )
    results, errors = run_together(lambda: deliver(outgoing.pk))
    assert errors == []
    assert sorted(results) == [False, True]
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get().status == MailStatus.SENT


@pytest.mark.django_db
def test_a_sending_interrupted_long_ago_is_failed_not_sent_again(coalition, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC), tick=False)
    outgoing = queue_mail(
        to=ADDRESS, subject="Test", body="Tekst", kind=MailKind.REMINDER, coalition=coalition
    )
    claim(outgoing.pk)  # a worker took it and then stopped
    time_machine.shift(datetime.timedelta(minutes=20))

    assert deliver_due() == 0

    outgoing.refresh_from_db()
    assert (outgoing.status, outgoing.last_error) == (MailStatus.FAILED, MailError.INTERRUPTED)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_delivered_body_is_erased_at_once_and_stays_erased(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = queue_mail(to=ADDRESS, subject="Welkom", body="Geheime link", kind=MailKind.REMINDER)
    assert [message.body for message in mail.outbox] == ["Geheime link"]
    sent.refresh_from_db()
    assert (sent.body, sent.subject, sent.status) == ("", "Welkom", MailStatus.SENT)
    assert sent.erased_at is not None
    sent.body = "Geheime link"
    sent.save()
    sent.refresh_from_db()
    assert sent.body == ""


@pytest.mark.django_db
def test_given_up_bodies_are_erased_after_the_keeping_period(settings, time_machine):
    settings.MAIL_KEEP_DAYS = 30
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC), tick=False)

    def given_up(body):
        return OutgoingMail.objects.create(
            kind=MailKind.REMINDER,
            recipient=ADDRESS,
            body=body,
            status=MailStatus.FAILED,
            last_attempt_at=timezone.now(),
        )

    old = given_up("Geheime link")
    time_machine.shift(datetime.timedelta(days=29))
    recent = given_up("Link")
    waiting = OutgoingMail.objects.create(kind=MailKind.REMINDER, recipient=ADDRESS, body="Wacht")
    time_machine.shift(datetime.timedelta(days=2))

    assert erase_old_bodies() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.body, recent.body, waiting.body) == ("", "Link", "Wacht")
    assert old.erased_at is not None


def test_the_recipient_is_masked_for_display():
    assert OutgoingMail(recipient="jan.jansen@example.nl").masked_recipient == "j…@example.nl"


@pytest.mark.django_db
def test_a_file_goes_with_each_mail_and_is_let_go_when_none_needs_it(coalition):
    """One stored file for two addresses: the first delivered still leaves it for the second,
    a refused one keeps it for a retry, and erasing that one's body lets the file go."""
    server = MailServer()
    server.start()
    try:
        attachment = store_attachment(
            filename="agenda.pdf",
            content=b"%PDF-1.7 agenda",
            content_type="application/pdf",
            coalition=coalition,
        )
        first, second = (
            queue_mail(
                to=address,
                subject="Agenda",
                body="Zie de bijlage.",
                kind=MailKind.MEETING_DOCUMENT,
                coalition=coalition,
                attachment=attachment,
            )
            for address in (ADDRESS, "fatima@example.nl")
        )
        with override_settings(**smtp_settings(server)):
            assert deliver(first.pk) is True
    finally:
        server.stop()
    [message] = server.inbox.to(ADDRESS)
    [file] = message.iter_attachments()
    assert (file.get_filename(), file.get_content_type()) == ("agenda.pdf", "application/pdf")
    assert file.get_content() == b"%PDF-1.7 agenda"
    first.refresh_from_db()
    assert first.attachment is None
    assert MailAttachment.objects.of_coalition(coalition).count() == 1  # the second needs it

    OutgoingMail.objects.of_coalition(coalition).filter(pk=second.pk).update(
        status=MailStatus.FAILED, last_attempt_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert erase_old_bodies() == 1
    assert not MailAttachment.objects.of_coalition(coalition).exists()

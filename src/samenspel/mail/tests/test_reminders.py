"""Reminders are queued exactly once: a second run, or two workers at the same time, send nothing
more. Each recipient gets their own e-mail through the outbox."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from samenspel.core import reminders
from samenspel.core.models import SentReminder
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.core.testing import run_together
from samenspel.mail.models import MailKind, MailStatus, OutgoingMail
from samenspel.mail.reminders import send_due_reminders
from samenspel.mail.tests.smtp import smtp_settings

TODAY = datetime.date(2026, 11, 23)
RECIPIENTS = ["coordinator@example.nl", "partner@example.nl"]


@pytest.fixture
def register_source():
    """Only the sources a test registers, for that test (SOURCES is a module-level list).

    The apps' own sources are set aside and put back afterwards, so these tests do not depend on
    their data.
    """
    apps_sources = list(reminders.SOURCES)
    reminders.SOURCES.clear()
    try:
        yield reminder_source
    finally:
        reminders.SOURCES[:] = apps_sources


def one_reminder(today):
    yield Reminder(
        key=f"evaluation:test:{today}",
        to=tuple(RECIPIENTS),
        subject="Evaluatie gepland",
        body="De evaluatie van de afspraken staat gepland.",
    )


def without_recipients(today):
    yield Reminder(key=f"empty:{today}", to=(), subject="Niemand", body="Aan niemand.")


@pytest.mark.django_db(transaction=True)
def test_running_twice_sends_each_recipient_one_email(register_source):
    register_source(one_reminder)

    assert send_due_reminders(TODAY) == 1
    assert send_due_reminders(TODAY) == 0

    assert sorted(message.to[0] for message in mail.outbox) == RECIPIENTS
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert {message.subject for message in mail.outbox} == {"Evaluatie gepland"}
    assert mail.outbox[0].body == "De evaluatie van de afspraken staat gepland."
    assert set(OutgoingMail.objects.values_list("kind", "status")) == {
        (MailKind.REMINDER, MailStatus.SENT)
    }
    claim = SentReminder.objects.get()
    assert claim.key == "evaluation:test:2026-11-23"
    assert claim.recipients == 2


@pytest.mark.django_db(transaction=True)
def test_a_new_day_is_a_new_reminder(register_source):
    register_source(one_reminder)

    send_due_reminders(TODAY)
    send_due_reminders(TODAY + datetime.timedelta(days=1))

    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_email_waits_for_the_claim_to_commit(register_source, django_capture_on_commit_callbacks):
    register_source(one_reminder)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert send_due_reminders(TODAY) == 1
        assert mail.outbox == []

    assert len(callbacks) == 2  # one delivery per recipient


@pytest.mark.django_db(transaction=True)
def test_reminders_without_recipients_are_not_claimed(register_source):
    register_source(without_recipients)

    assert send_due_reminders(TODAY) == 0

    assert mail.outbox == []
    assert not SentReminder.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_one_email(register_source):
    """Two threads, each with its own database connection, claim the same key at the same moment:
    the second INSERT waits for the first transaction and then finds the key taken."""
    start = threading.Barrier(2)

    def racing_source(today):
        start.wait(timeout=10)  # both workers have the reminder in hand before either claims it
        yield from one_reminder(today)

    register_source(racing_source)
    results, errors = run_together(lambda: send_due_reminders(TODAY))
    assert errors == []
    assert sorted(results) == [0, 1]
    assert len(mail.outbox) == 2
    assert SentReminder.objects.count() == 1
    reminders.SOURCES.remove(racing_source)
    register_source(one_reminder)
    assert send_due_reminders(TODAY) == 0
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_command_reports_how_many_were_queued(register_source):
    register_source(one_reminder)
    register_source(without_recipients)

    out = StringIO()
    call_command("send_reminders", stdout=out)
    call_command("send_reminders", stdout=out)

    assert out.getvalue().splitlines() == [
        "Herinneringen in de wachtrij gezet: 1",
        "Herinneringen in de wachtrij gezet: 0",
    ]
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_reminder_arrives_over_smtp(register_source, smtp_server):
    inbox = smtp_server.inbox
    register_source(one_reminder)

    with override_settings(**smtp_settings(smtp_server)):
        call_command("send_reminders", stdout=StringIO())
        call_command("send_reminders", stdout=StringIO())

    assert sorted(recipients for recipients, _message in inbox.messages) == [
        [address] for address in RECIPIENTS
    ]
    _recipients, message = inbox.messages[0]
    assert message["From"] == "Samenspel <noreply@samenspel.test>"
    assert message["Subject"] == "Evaluatie gepland"
    assert message.get_body(preferencelist=("plain",)).get_content().strip() == (
        "De evaluatie van de afspraken staat gepland."
    )


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_database_queue_gets_a_task_per_recipient_which_the_worker_sends(register_source):
    from django_tasks_db.models import DBTaskResult

    register_source(one_reminder)

    with override_settings(TASKS=DATABASE_TASKS):
        assert send_due_reminders(TODAY) == 1
        assert send_due_reminders(TODAY) == 0
        assert DBTaskResult.objects.count() == 2
        assert mail.outbox == []

        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject == "Evaluatie gepland"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.django_db(transaction=True)
def test_database_queue_outbox_and_claim_roll_back_together(register_source):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    register_source(one_reminder)

    with override_settings(TASKS=DATABASE_TASKS):

        def interrupted_run():
            with transaction.atomic():
                send_due_reminders(TODAY)
                raise RuntimeError("the run is interrupted before it commits")

        with pytest.raises(RuntimeError):
            interrupted_run()

        assert not SentReminder.objects.exists()
        assert not OutgoingMail.objects.exists()
        assert not DBTaskResult.objects.exists()
        assert send_due_reminders(TODAY) == 1

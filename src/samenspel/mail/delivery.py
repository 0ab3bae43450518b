"""Delivering the outbox: each e-mail once, retried with growing pauses when the server fails.

A delivery first *claims* its row with one conditional UPDATE (queued and due -> sending). Only
the worker whose UPDATE changed the row sends; a second task for the same row, the sweep of
`send_queued_mail` or a second worker finds nothing to claim. After a failure the row goes back to
the queue with a later `next_attempt_at`, and after the last attempt it is marked failed, which
the coordinator sees on the page "Niet verstuurde e-mail".

A row left in "sending" means a worker stopped in the middle of a conversation with the mail
server: the mail may or may not have arrived. Sending it again could deliver it twice, so the
sweep marks it failed and leaves the choice to the coordinator.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from samenspel.mail.models import (
    MailAttachment,
    MailError,
    MailStatus,
    OutgoingMail,
    OutgoingMailQuerySet,
)

logger = logging.getLogger(__name__)

BACKOFF_FACTOR = 4
LONGEST_PAUSE = datetime.timedelta(hours=1)
# Far longer than an SMTP conversation can take (EMAIL_TIMEOUT is seconds).
STALE_AFTER = datetime.timedelta(minutes=15)


def schedule_delivery(mail_id: int, at: datetime.datetime | None = None) -> None:
    """Hand one outbox row to the task queue, now or at a later moment.

    A backend that cannot defer (the immediate backend of the tests) gets no deferred task: the
    sweep of `send_queued_mail` delivers the row once it is due.
    """
    if at is None:
        deliver_mail.enqueue(mail_id)
    elif deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=at).enqueue(mail_id)


def pause_after(attempts: int) -> datetime.timedelta:
    """The wait before the next attempt: MAIL_RETRY_SECONDS, then four times longer each time."""
    first = datetime.timedelta(seconds=settings.MAIL_RETRY_SECONDS)
    return min(first * BACKOFF_FACTOR ** (attempts - 1), LONGEST_PAUSE)


def _outbox() -> OutgoingMailQuerySet:
    # Delivery serves every coalition: a system process, listed as such in the tenancy test.
    return OutgoingMail.objects.across_coalitions()


def claim(mail_id: int) -> OutgoingMail | None:
    """Take the row for one attempt; None when it is not due or another worker has it."""
    now = timezone.now()
    taken = (
        _outbox()
        .filter(pk=mail_id, status=MailStatus.QUEUED, next_attempt_at__lte=now)
        .update(status=MailStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    )
    return _outbox().select_related("attachment").get(pk=mail_id) if taken else None


def message_for(mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.recipient])
    if mail.attachment is not None:
        attachment = mail.attachment
        message.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return message


def forget_attachments() -> int:
    """Delete the files that no e-mail needs any more (all delivered, or their bodies erased)."""
    unneeded = MailAttachment.objects.across_coalitions().filter(mails__isnull=True)
    deleted, _kinds = unneeded.delete()
    return deleted


def failure(error: Exception) -> tuple[MailError, bool]:
    """What went wrong, and whether trying again is pointless."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return MailError.RECIPIENT_REFUSED, all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return MailError.REJECTED, error.smtp_code >= 500
    # SMTPException is an OSError too: disconnected, refused connection, timeout, name lookup.
    if isinstance(error, OSError):
        return MailError.UNREACHABLE, False
    return MailError.OTHER, False


def _detail(error: Exception) -> str:
    """Class name and SMTP code only: server messages can contain addresses."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _record_failure(mail: OutgoingMail, error: Exception) -> None:
    reason, permanent = failure(error)
    give_up = permanent or mail.attempts >= settings.MAIL_MAX_ATTEMPTS
    next_attempt_at = timezone.now() + pause_after(mail.attempts)
    _outbox().filter(pk=mail.pk, status=MailStatus.SENDING).update(
        status=MailStatus.FAILED if give_up else MailStatus.QUEUED,
        next_attempt_at=next_attempt_at,
        last_error=reason,
        last_error_detail=_detail(error)[:100],
    )
    logger.warning("E-mail %s, attempt %d, failed: %s", mail.uuid, mail.attempts, _detail(error))
    if not give_up:
        schedule_delivery(mail.pk, next_attempt_at)


def deliver(mail_id: int) -> bool:
    """One attempt at one e-mail; True when the mail server accepted it."""
    mail = claim(mail_id)
    if mail is None:
        return False
    try:
        message_for(mail).send()
    except Exception as error:  # every failure is recorded, then retried or shown
        _record_failure(mail, error)
        return False
    # Delivered: the body, which may hold a personal link, is no longer needed here, nor the file.
    now = timezone.now()
    _outbox().filter(pk=mail.pk).update(
        status=MailStatus.SENT,
        sent_at=now,
        last_error="",
        last_error_detail="",
        body="",
        erased_at=now,
        attachment=None,
    )
    if mail.attachment_id is not None:
        forget_attachments()
    return True


@task()
def deliver_mail(mail_id: int) -> bool:
    """The task queue's entry point: one attempt at one outbox row."""
    return deliver(mail_id)


def deliver_due() -> int:
    """The sweep: give up on interrupted sendings, then deliver every row that is due.

    Catches rows whose task was lost (a crash between commit and enqueue, a lost queue row) and,
    with a task backend that cannot defer, every retry. Returns how many were delivered.
    """
    now = timezone.now()
    _outbox().filter(status=MailStatus.SENDING, last_attempt_at__lt=now - STALE_AFTER).update(
        status=MailStatus.FAILED, last_error=MailError.INTERRUPTED, last_error_detail=""
    )
    due = _outbox().filter(status=MailStatus.QUEUED, next_attempt_at__lte=now)
    return sum(deliver(mail_id) for mail_id in due.values_list("pk", flat=True))


def erase_old_bodies() -> int:
    """Retention: blank the body of mails given up more than MAIL_KEEP_DAYS ago and let go of
    their files (a delivered mail's body and file went at delivery)."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.MAIL_KEEP_DAYS)
    given_up = Q(status=MailStatus.FAILED, last_attempt_at__lt=cutoff)
    erased = (
        _outbox()
        .filter(given_up, erased_at__isnull=True)
        .update(body="", erased_at=timezone.now(), attachment=None)
    )
    forget_attachments()
    return erased

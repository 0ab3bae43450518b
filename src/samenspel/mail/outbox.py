"""The one way an e-mail leaves Samenspel: `queue_mail`, called inside the action's transaction.

The row is written in that transaction and delivery is handed to the task queue only once it
commits: a rolled-back action sends nothing, and a slow or broken mail server never slows down or
breaks the action itself. Delivery and retries are in `samenspel.mail.delivery`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core import audit
from samenspel.mail.audit_actions import MailAction
from samenspel.mail.delivery import schedule_delivery
from samenspel.mail.models import (
    SUBJECT_LENGTH,
    MailAttachment,
    MailKind,
    MailStatus,
    OutgoingMail,
)

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition


def site_link(path: str) -> str:
    """An absolute link for an e-mail: the site's public address plus a path from reverse()."""
    return settings.SITE_URL + path


def store_attachment(
    *, filename: str, content: bytes, content_type: str, coalition: Coalition | None = None
) -> MailAttachment:
    """A file to send with one or more e-mails of this action (`queue_mail(attachment=...)`);
    stored once, however many addresses get it."""
    return MailAttachment.objects.create(
        coalition=coalition, filename=filename, content=content, content_type=content_type
    )


def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    kind: MailKind,
    coalition: Coalition | None = None,
    attachment: MailAttachment | None = None,
) -> OutgoingMail:
    """Put one plain-text e-mail to one address in the outbox, with a file if one is given; it
    is sent after the commit."""
    mail = OutgoingMail.objects.create(
        coalition=coalition,
        kind=kind,
        recipient=to,
        # A subject is one line: templates may leave line breaks in it.
        subject=" ".join(subject.split())[:SUBJECT_LENGTH],
        body=body,
        attachment=attachment,
    )
    # robust: the action has committed; if handing over fails, `send_queued_mail` finds the row.
    transaction.on_commit(partial(schedule_delivery, mail.pk), robust=True)
    return mail


@transaction.atomic
def retry_mail(mail: OutgoingMail, *, acting_user: User) -> OutgoingMail:
    """A coordinator sends a failed (or still waiting) e-mail again, with a fresh set of attempts."""
    if mail.coalition_id is None:
        raise ValueError("Only a coalition's e-mail is retried by hand.")
    if mail.erased_at is not None:
        raise ValidationError(
            _(
                "De tekst van deze e-mail is na de bewaartermijn gewist. "
                "Verstuur hem opnieuw vanuit de plek waar hij vandaan kwam."
            )
        )
    # Conditional, so a delivery that is running right now is never sent a second time.
    restarted = (
        OutgoingMail.objects.of_coalition(mail.coalition_id)
        .filter(pk=mail.pk, status__in=[MailStatus.FAILED, MailStatus.QUEUED])
        .update(
            status=MailStatus.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            last_error="",
            last_error_detail="",
        )
    )
    if not restarted:
        raise ValidationError(_("Deze e-mail wordt op dit moment verstuurd of is al verstuurd."))
    audit.record(
        MailAction.MAIL_RETRIED,
        mail,
        acting_user=acting_user,
        coalition=mail.coalition,
        context={"kind": mail.kind, "attempts": mail.attempts},
    )
    transaction.on_commit(partial(schedule_delivery, mail.pk), robust=True)
    mail.refresh_from_db()
    return mail

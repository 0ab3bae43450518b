"""The agenda and the minutes of a meeting: as a PDF (through `core.pdf`, the project's one way
to make a PDF) and as an e-mail to the participants (through the outbox, `mail.outbox`).

The participants of a meeting of a body are the coordinators and the members acting for the
partners at that body's table; of a meeting without a body, every active member. The e-mail
holds the text itself, a link to the meeting and the PDF as an attachment (stored once for all
participants, `mail.outbox.store_attachment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.accounts.recipients import participant_addresses
from samenspel.core import audit
from samenspel.core.pdf import pdf_filename, render_pdf
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail, site_link, store_attachment
from samenspel.meetings.audit_actions import MeetingAction

if TYPE_CHECKING:
    from django.http import HttpRequest

    from samenspel.accounts.models import User
    from samenspel.meetings.models import Meeting


class MeetingDocument(models.TextChoices):
    """The value is the document's name in its URL and the name of its PDF template."""

    AGENDA = "agenda", gettext_lazy("Agenda")
    MINUTES = "verslag", gettext_lazy("Verslag")


TEMPLATES = {MeetingDocument.AGENDA: "agenda", MeetingDocument.MINUTES: "minutes"}


def _context(meeting: Meeting, document: MeetingDocument) -> dict[str, object]:
    return {
        "meeting": meeting,
        "coalition": meeting.coalition,
        "document": document.value,
        "heading": str(document.label),
    }


def meeting_pdf(
    meeting: Meeting,
    document: MeetingDocument,
    *,
    lang: str = "nl",
    request: HttpRequest | None = None,
) -> tuple[bytes, str]:
    """The PDF bytes and a file name; `meeting` comes with its parts loaded
    (`selectors.with_parts`)."""
    title = f"{document.label}: {meeting.title} — {meeting.coalition.name}"
    data = render_pdf(
        f"meetings/pdf/{TEMPLATES[document]}.html",
        _context(meeting, document),
        title=title,
        lang=lang,
        request=request,
    )
    day = date_format(meeting.starts_at, "Y-m-d")
    return data, pdf_filename(str(document.label), meeting.title, day)


def participants(meeting: Meeting) -> tuple[str, ...]:
    partner_ids = None
    if meeting.body is not None:
        partner_ids = list(meeting.body.members.values_list("pk", flat=True))
    return participant_addresses(meeting.coalition, partner_ids)


def send_meeting_document(meeting: Meeting, document: MeetingDocument, *, acting_user: User) -> int:
    """Puts the agenda or the minutes, with its PDF, in the outbox for every participant; returns
    how many. An audit record names the document and the number of recipients (not their
    addresses). `meeting` comes with its parts loaded (`selectors.with_parts`). The PDF is made
    before the transaction, which then stays short."""
    pdf = meeting_pdf(meeting, document)
    return _queue_document(meeting, document, pdf, acting_user=acting_user)


@transaction.atomic
def _queue_document(
    meeting: Meeting, document: MeetingDocument, pdf: tuple[bytes, str], *, acting_user: User
) -> int:
    addresses = participants(meeting)
    content, filename = pdf
    attachment = store_attachment(
        filename=filename,
        content=content,
        content_type="application/pdf",
        coalition=meeting.coalition,
    )
    url = site_link(reverse("meetings:detail", args=[meeting.coalition.uuid, meeting.uuid]))
    context = {
        **_context(meeting, document),
        "url": url,
        "sender": acting_user.full_name or acting_user.email,
    }
    subject = render_to_string("meetings/email/document_subject.txt", context)
    body = render_to_string("meetings/email/document_body.txt", context)
    for address in addresses:
        queue_mail(
            to=address,
            subject=subject,
            body=body,
            kind=MailKind.MEETING_DOCUMENT,
            coalition=meeting.coalition,
            attachment=attachment,
        )
    audit.record(
        MeetingAction.MEETING_DOCUMENT_SENT,
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        context={"document": document.value, "recipients": len(addresses)},
    )
    return len(addresses)


def sent_message(count: int) -> str:
    if not count:
        return _("Er zijn geen deelnemers met een account; er is niets verstuurd.")
    return ngettext(
        "De e-mail staat klaar voor %(count)d deelnemer en wordt zo verstuurd.",
        "De e-mail staat klaar voor %(count)d deelnemers en wordt zo verstuurd.",
        count,
    ) % {"count": count}

"""Feedback to the signaller: status only (received, picked up, closed), never any detail.

A partner who recorded a signal hears by e-mail when its feedback word changes; the meldpunt's
reporter sees the same word on the status page of the receipt code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string

from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail
from samenspel.signals import workflow

if TYPE_CHECKING:
    from samenspel.signals.models import Signal


def tell_signaller(signal: Signal, old_status: str) -> None:
    """Queue one e-mail to the partner who recorded `signal` when its feedback word changed."""
    word = workflow.feedback(signal.status)
    recorder = signal.recorded_by
    if word == workflow.feedback(old_status) or recorder is None or not recorder.is_active:
        return
    context = {"signal": signal, "word": word.label, "coalition": signal.coalition}
    queue_mail(
        to=recorder.email,
        subject=render_to_string("signals/email/feedback_subject.txt", context),
        body=render_to_string("signals/email/feedback_body.txt", context),
        kind=MailKind.REMINDER,
        coalition=signal.coalition,
    )

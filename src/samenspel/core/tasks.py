"""Background tasks, run by the database worker (`samenspel db_worker`).

Tasks only do the work; whether it should happen at all (exactly once) is decided before they are
queued, e.g. by the claim in `samenspel.core.reminders`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail from DEFAULT_FROM_EMAIL to the given addresses."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)

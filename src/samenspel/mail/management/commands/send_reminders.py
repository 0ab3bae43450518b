"""Once a day (cron): queue the reminders that are due, each exactly once.

    samenspel send_reminders

Safe to run more than once a day, and at the same time on two machines: a reminder already queued
is skipped. The e-mails leave through the outbox (the task worker, or `send_queued_mail`).
"""

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.mail.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Zet de herinneringen die vandaag aan de beurt zijn in de wachtrij, elke herinnering "
        "precies één keer. Dagelijks draaien; de e-mails verstuurt de worker (db_worker)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        queued = send_due_reminders()
        self.stdout.write(f"Herinneringen in de wachtrij gezet: {queued}")

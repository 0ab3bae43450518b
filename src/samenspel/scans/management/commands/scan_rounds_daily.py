"""Once a day (cron): close rounds past their closing date and send the one reminder.

    samenspel scan_rounds_daily

Safe to run more than once a day: a closed round stays closed and nobody gets a second reminder.
The links in the reminders are built on SAMENSPEL_SITE_URL.
"""

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.scans import daily


class Command(BaseCommand):
    help = (
        "Sluit scanrondes waarvan de sluitdatum voorbij is en verstuurt de herinneringen "
        "(één per respondent die nog niet antwoordde). Dagelijks draaien."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        closed = daily.close_expired_rounds()
        reminded = daily.send_reminders()
        self.stdout.write(f"Rondes gesloten: {closed}")
        self.stdout.write(f"Herinneringen verstuurd: {reminded}")

"""Every few minutes (cron): deliver outbox rows whose task was lost, and apply the retention.

    samenspel send_queued_mail

The task worker normally delivers every e-mail within seconds; this sweep catches what it could
not (a crash between commit and queue) and is safe next to running workers: every row is claimed
before it is sent.
"""

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.mail.delivery import deliver_due, erase_old_bodies


class Command(BaseCommand):
    help = (
        "Verstuurt e-mail uit de wachtrij die aan de beurt is en wist de tekst van oude "
        "verstuurde e-mail. Veilig naast de worker en vaker per dag te draaien."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = deliver_due()
        erased = erase_old_bodies()
        self.stdout.write(f"E-mails verstuurd: {sent}")
        self.stdout.write(f"Teksten gewist na de bewaartermijn: {erased}")

"""Re-encrypt every signal's identifying fields with the first key of SAMENSPEL_SIGNAL_KEYS.

Rotation: put the new key in front of the old one, deploy, run this, then remove the old key.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from samenspel.signals.keys import rotate


class Command(BaseCommand):
    help = "Versleutelt de persoonsgegevens in signalen opnieuw met de nieuwste sleutel."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            count = rotate()
        self.stdout.write(f"{count} rijen opnieuw versleuteld.")

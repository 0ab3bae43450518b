"""Daily: anonymise closed signals after the keeping period and withdrawn ones at once."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from samenspel.signals.retention import apply_retention


class Command(BaseCommand):
    help = "Anonimiseert afgesloten signalen na de bewaartermijn en ingetrokken signalen direct."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        while count := apply_retention(timezone.now()):
            total += count
        self.stdout.write(f"{total} signalen geanonimiseerd.")

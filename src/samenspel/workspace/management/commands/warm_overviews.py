import time
from typing import Any

from django.core.management.base import BaseCommand

from samenspel.workspace.warming import warm_overviews


class Command(BaseCommand):
    help = (
        "Bereken vooraf de samenvattingen per coalitie voor de portefeuille en de landelijke "
        "cijfers (alleen wat sinds de vorige keer veranderde)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        warmed = warm_overviews()
        self.stdout.write(
            f"{warmed.coalitions} coalities bijgewerkt ({', '.join(warmed.languages)}) "
            f"in {time.perf_counter() - started:.1f} s."
        )

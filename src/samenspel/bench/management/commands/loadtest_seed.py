import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from samenspel.bench.loadtest.seed import seed


class Command(BaseCommand):
    help = "Maak de gebruikers en de scanronde van een belastingstest (na load_demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--run", required=True, help="kenmerk van deze run")
        parser.add_argument("--output", type=Path, required=True, help="JSON-bestand")

    def handle(self, *args: Any, **options: Any) -> None:
        actors = seed(options["run"])
        options["output"].write_text(json.dumps(actors, indent=2))

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.coalitions import municipalities


class Command(BaseCommand):
    help = "Laad gemeenten uit een CBS-bestand (;-gescheiden CSV, UTF-8 of cp1252)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, default=municipalities.BUNDLED)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            count = municipalities.load(path.read_bytes())
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{count} gemeenten geladen uit {path}")

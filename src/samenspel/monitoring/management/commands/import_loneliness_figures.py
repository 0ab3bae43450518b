import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.monitoring import services
from samenspel.monitoring.cbs import TABLES
from samenspel.monitoring.views import imported_message


class Command(BaseCommand):
    help = (
        "Lees de RIVM/CBS-schattingen van eenzaamheid per gemeente, wijk en buurt in (StatLine "
        "50120NED of 50150NED): uit een CSV (--file) of van de CBS-open-dataserver (--online "
        "--municipality GM0363)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", type=Path, help="De onbewerkte dataset als CSV.")
        source.add_argument("--online", action="store_true", help="Ophalen bij het CBS.")
        parser.add_argument(
            "--municipality",
            default="",
            help="Alleen deze gemeente (GM0363); verplicht bij --online.",
        )
        parser.add_argument(
            "--table",
            default="",
            help="50120NED of 50150NED (bij --file afgeleid uit de bestandsnaam als die erin staat).",
        )

    def handle(
        self,
        *args: Any,
        file: Path | None,
        online: bool,
        municipality: str,
        table: str,
        **options: Any,
    ) -> None:
        municipality = municipality.strip().upper()
        if municipality and not re.fullmatch(r"GM\d{4}", municipality):
            raise CommandError("Een gemeentecode ziet eruit als GM0363.")
        try:
            if online:
                if not municipality:
                    raise CommandError("Geef bij --online de gemeente op: --municipality GM0363.")
                log = services.import_online(
                    table=table or "50150NED", municipality_code=municipality, acting_user=None
                )
            else:
                if file is None:
                    raise CommandError("Geef --file of --online.")
                if not table:
                    table = next((key for key in TABLES if key.lower() in file.name.lower()), "")
                    if not table:
                        raise CommandError("Geef de tabel op: --table 50120NED of 50150NED.")
                try:
                    data = file.read_bytes()
                except OSError as error:
                    raise CommandError(f"Het bestand {file} is niet te lezen: {error}") from error
                log = services.import_csv(
                    data,
                    table=table,
                    source=file.name,
                    acting_user=None,
                    municipality_code=municipality,
                    max_bytes=None,
                )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(imported_message(log))

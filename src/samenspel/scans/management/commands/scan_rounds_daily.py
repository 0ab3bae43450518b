"""Once a day (cron): close rounds past their closing date and send the one reminder.

    samenspel scan_rounds_daily --base-url https://samenspel.example.nl

Safe to run more than once a day: a closed round stays closed and nobody gets a second reminder.
"""

import os
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from samenspel.scans import daily

DEVELOPMENT_BASE_URL = "http://127.0.0.1:8000"


def checked_base_url(value: str | None, *, production: bool) -> str:
    """The site's address for the links in the reminders; required in production."""
    if not value:
        if production:
            raise CommandError(
                "Geef --base-url op, het adres van de site (bijvoorbeeld https://samenspel.example.nl): "
                "de herinneringen bevatten links daarheen."
            )
        return DEVELOPMENT_BASE_URL
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise CommandError(f"--base-url moet beginnen met https:// of http://, niet {value!r}.")
    if parts.query or parts.fragment or parts.path not in {"", "/"}:
        raise CommandError(f"--base-url is alleen het adres van de site, zonder pad: {value!r}.")
    if production and parts.scheme != "https":
        raise CommandError(f"Gebruik in productie een https-adres, niet {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"


class Command(BaseCommand):
    help = (
        "Sluit scanrondes waarvan de sluitdatum voorbij is en verstuurt de herinneringen "
        "(één per respondent die nog niet antwoordde). Dagelijks draaien."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--base-url",
            default=None,
            help=(
                "Adres van de site voor de links in de herinneringen, bijvoorbeeld "
                f"https://samenspel.example.nl. Verplicht in productie; anders {DEVELOPMENT_BASE_URL}."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        production = os.environ.get("SAMENSPEL_ENV") == "production"
        base_url = checked_base_url(options["base_url"], production=production)
        closed = daily.close_expired_rounds()
        reminded = daily.send_reminders(base_url=base_url)
        self.stdout.write(f"Rondes gesloten: {closed}")
        self.stdout.write(f"Herinneringen verstuurd: {reminded}")

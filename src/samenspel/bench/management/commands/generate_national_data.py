from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.bench import synthetic


class Command(BaseCommand):
    help = (
        "Genereer synthetische gegevens op landelijke schaal (fictieve gemeenten GM8000–GM8999) "
        "voor prestatiemetingen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--coalitions", type=int, default=350, help="Aantal coalities (standaard 350)."
        )
        parser.add_argument(
            "--partners",
            type=int,
            default=15_000,
            help="Aantal partners in totaal (standaard 15000).",
        )
        parser.add_argument(
            "--seed", type=int, default=synthetic.DEFAULT_SEED, help="Startwaarde van het toeval."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Verwijder eerst eerder gegenereerde synthetische gegevens.",
        )
        parser.add_argument(
            "--password",
            help="Wachtwoord van de coördinatoren (coordinator-gm8000@…); "
            "zonder dit kunnen zij niet inloggen.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"]:
            deleted = synthetic.delete_synthetic_data()
            self.stdout.write(
                "Verwijderd: " + ", ".join(f"{n} {label}" for label, n in deleted.items() if n)
                if any(deleted.values())
                else "Geen eerdere synthetische gegevens gevonden."
            )
        try:
            result = synthetic.generate(
                options["coalitions"],
                options["partners"],
                seed=options["seed"],
                password=options["password"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        for label, count in result.rows.items():
            self.stdout.write(f"  {label:16} {count:>8}")
        self.stdout.write(self.style.SUCCESS(f"Gegenereerd in {result.seconds:.1f} s."))

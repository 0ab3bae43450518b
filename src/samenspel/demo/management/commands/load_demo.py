from typing import Any

from django.core.management.base import BaseCommand

from samenspel.conf import env
from samenspel.demo.data import load_demo
from samenspel.demo.signals import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Laad de fictieve demonstratiecoalities en de demo-accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        password = env.text("SAMENSPEL_DEMO_PASSWORD", "samenspel-demo")
        secret = env.text("SAMENSPEL_DEMO_TOTP_SECRET", DEMO_TOTP_SECRET)
        accounts = load_demo(password, secret)
        self.stdout.write(f"Demo-accounts (wachtwoord: {password}):")
        for email, description in accounts:
            self.stdout.write(f"  {email:35} {description}")
        self.stdout.write(
            f"partner@demo.samenspel.nl ziet persoonsgegevens van inwoners en logt in met een "
            f"tweede stap: zet de sleutel {secret} in een authenticator-app."
        )
        self.stdout.write("Open http://127.0.0.1:8000 en log in.")

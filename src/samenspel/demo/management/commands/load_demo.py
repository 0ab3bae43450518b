from typing import Any

from django.core.management.base import BaseCommand

from samenspel.conf import env
from samenspel.demo.data import load_demo


class Command(BaseCommand):
    help = "Laad de fictieve demonstratiecoalities en de demo-accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        password = env.text("SAMENSPEL_DEMO_PASSWORD", "samenspel-demo")
        accounts = load_demo(password)
        self.stdout.write(f"Demo-accounts (wachtwoord: {password}):")
        for email, description in accounts:
            self.stdout.write(f"  {email:35} {description}")
        self.stdout.write("Open http://127.0.0.1:8000 en log in.")

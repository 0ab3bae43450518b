"""The `samenspel` command: Django's management commands plus the project's own."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


def settings_module() -> str:
    """Pick the settings module from SAMENSPEL_ENV (development unless told otherwise)."""
    environment = os.environ.get("SAMENSPEL_ENV", "development")
    modules = {
        "development": "samenspel.conf.dev",
        "test": "samenspel.conf.test",
        "production": "samenspel.conf.production",
    }
    if environment not in modules:
        raise SystemExit(f"SAMENSPEL_ENV={environment!r} is unknown; use one of {sorted(modules)}")
    return modules[environment]


if __name__ == "__main__":
    main()

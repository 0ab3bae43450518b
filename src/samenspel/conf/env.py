"""Typed access to the environment: every setting read from it is documented here.

Malformed values stop the process with a clear message instead of being guessed.
"""

import os
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")


class ConfigurationError(RuntimeError):
    pass


def _read(name: str, default: T, parse: Callable[[str], T]) -> T:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except ValueError as error:
        raise ConfigurationError(f"{name}={raw!r} is malformed: {error}") from error


def text(name: str, default: str = "") -> str:
    return _read(name, default, str)


def required_text(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ConfigurationError(f"{name} must be set in production")
    return value


def boolean(name: str, default: bool = False) -> bool:
    def parse(raw: str) -> bool:
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ValueError("expected true or false")

    return _read(name, default, parse)


def integer(name: str, default: int) -> int:
    return _read(name, default, int)


def text_list(name: str, default: list[str]) -> list[str]:
    return _read(
        name, default, lambda raw: [part.strip() for part in raw.split(",") if part.strip()]
    )


def positive_integer(name: str, default: int) -> int:
    def parse(raw: str) -> int:
        value = int(raw)
        if value < 1:
            raise ValueError("expected a whole number of at least 1")
        return value

    return _read(name, default, parse)


def site_address(name: str, default: str) -> str:
    """A site's public address: scheme and host (and port) only, e.g. https://samenspel.nl.

    Links in e-mails are built on it, so a path, query or missing scheme is refused rather than
    producing links that lead nowhere.
    """

    def parse(raw: str) -> str:
        parts = urlsplit(raw.strip())
        # Reading .port raises ValueError for a port that is not a number.
        if parts.scheme not in {"http", "https"} or not parts.hostname or parts.port == 0:
            raise ValueError("expected http:// or https:// followed by a host name")
        if parts.path not in {"", "/"} or parts.query or parts.fragment or parts.username:
            raise ValueError("expected only scheme and host, without path, query or login")
        return f"{parts.scheme}://{parts.netloc}"

    return _read(name, default, parse)

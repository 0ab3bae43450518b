"""Typed access to the environment: every setting read from it is documented here.

Malformed values stop the process with a clear message instead of being guessed.
"""

import os
from collections.abc import Callable
from typing import TypeVar

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

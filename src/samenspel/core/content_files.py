"""Strict reading of the project's YAML content files (the guide, the scan instruments).

Every helper names the place of a problem (`where`: file, item, field), so an editor of a content
file sees at once what to fix.
"""

import re
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml


class ContentFileError(Exception):
    """A content file is malformed; the message names the file and the place in it."""


def yaml_files(directory: Path, what: str) -> list[Path]:
    """The content files of a directory, in the order of their names; none at all is an error."""
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise ContentFileError(f"{directory}: no {what} (*.yaml) found")
    return paths


def read_yaml(path: Path) -> Any:
    """The parsed content of one file; invalid YAML names the file."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentFileError(f"{path.name}: invalid YAML: {error}") from error


def mapping(value: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContentFileError(f"{where}: expected a mapping, got {type(value).__name__}")
    unknown = sorted(str(name) for name in set(value) - allowed)
    if unknown:
        raise ContentFileError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return value


def text(data: dict[str, Any], name: str, where: str) -> str:
    """A required text field, with runs of white space folded into one space."""
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ContentFileError(f"{where}: required field {name!r} is missing or empty")
    return " ".join(value.split())


def key(data: dict[str, Any], where: str, pattern: re.Pattern[str], rule: str) -> str:
    value = text(data, "key", where)
    if not pattern.match(value):
        raise ContentFileError(f"{where}: key {value!r} must be {rule}")
    return value


def listing(data: dict[str, Any], name: str, where: str, *, required: bool) -> list[Any]:
    value = data.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        wanted = "a non-empty list" if required else "a list"
        raise ContentFileError(f"{where}: field {name!r} must be {wanted}")
    return value


def unique(keys: list[str], kind: str, where: str) -> None:
    seen: set[str] = set()
    for value in keys:
        if value in seen:
            raise ContentFileError(f"{where}: duplicate {kind} key {value!r}")
        seen.add(value)


F = TypeVar("F", bound=Callable[..., Any])


def reported_as(error: type[ContentFileError]) -> Callable[[F], F]:
    """Let a loader report the helpers' errors as its own kind (ContentError, InstrumentError)."""

    def decorate(function: F) -> F:
        @wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except ContentFileError as problem:
                if isinstance(problem, error):
                    raise
                raise error(str(problem)) from problem

        return cast(F, wrapper)

    return decorate

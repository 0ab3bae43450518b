"""Scan instruments: the questionnaires of collaboration health, as content files.

An instrument is defined in `instruments/<key>.v<version>.yaml`, never in code. Each file is read
once, validated strictly (the error names the file and, where there is one, the item or subscale)
and cached. A published version is never changed: stored answers refer to its item keys. To change
a questionnaire, add the next version next to it; `get_instrument(key)` then returns the newest.

The answer scales are defined here, in Python, because scoring depends on them.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from samenspel.core import content_files as files
from samenspel.core.content_files import ContentFileError

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
FILE_NAME = re.compile(r"^(?P<key>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)\.yaml$")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
AUDIENCES = {
    "partners": _("Vertegenwoordigers van partners"),
    "coordination": _("Coördinator en gemeente"),
}

INSTRUMENT_FIELDS = {
    "key",
    "version",
    "title",
    "intro",
    "audience",
    "scale",
    "source",
    "subscales",
    "items",
}
SUBSCALE_FIELDS = {"key", "title", "description", "guide"}
ITEM_FIELDS = {"key", "subscale", "text", "reverse", "guide"}
GUIDE_FIELDS = {"section", "item"}


class InstrumentError(ContentFileError):
    """An instrument file is malformed; the message names the file (and the key)."""


# Scales


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    key: str
    points: tuple[ScalePoint, ...]
    dont_know_label: str | None = None  # answered as None ("don't know"), not scored

    @property
    def min(self) -> int:
        return self.points[0].value

    @property
    def max(self) -> int:
        return self.points[-1].value

    @property
    def values(self) -> list[int]:
        return [point.value for point in self.points]

    def label(self, value: int | None) -> str:
        if value is None and self.dont_know_label is not None:
            return self.dont_know_label
        for point in self.points:
            if point.value == value:
                return point.label
        raise KeyError(f"No value {value!r} on scale {self.key!r}")

    def accepts(self, value: object) -> bool:
        """A point of the scale, or None when the scale offers 'don't know'."""
        if value is None:
            return self.dont_know_label is not None
        return isinstance(value, int) and not isinstance(value, bool) and value in self.values


def _points(*labels: str) -> tuple[ScalePoint, ...]:
    return tuple(ScalePoint(value, label) for value, label in enumerate(labels, start=1))


DONT_KNOW = "Weet ik niet"

SCALES: dict[str, Scale] = {
    scale.key: scale
    for scale in (
        Scale(
            key="agreement5",
            points=_points("Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"),
            dont_know_label=DONT_KNOW,
        ),
        # The pulse asks "how much ...?" about energy, attendance and delivery.
        Scale(
            key="energy5",
            points=_points("Heel weinig", "Weinig", "Gemiddeld", "Veel", "Heel veel"),
            dont_know_label=DONT_KNOW,
        ),
    )
}


def get_scale(key: str) -> Scale:
    """Raises KeyError for an unknown scale."""
    return SCALES[key]


# Guide links


def guide_url(section: str | None, item: str | None) -> str | None:
    """The guide page a question or subscale refers to; None when there is none."""
    if not section:
        return None
    try:
        if item:
            return reverse("guide:item", kwargs={"section": section, "item": item})
        return reverse("guide:section", kwargs={"section": section})
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class GuideLink:
    """Where in the guide a subscale or question points to."""

    section: str
    item: str | None  # None: the whole section

    @property
    def url(self) -> str | None:
        return guide_url(self.section, self.item)


def _guide_link(section: str | None, item: str | None) -> GuideLink | None:
    return GuideLink(section, item) if section else None


# Instruments


@dataclass(frozen=True)
class Subscale:
    key: str
    title: str
    description: str
    guide_section: str
    guide_item: str | None  # None: the link goes to the whole guide section

    @property
    def guide(self) -> GuideLink | None:
        return _guide_link(self.guide_section, self.guide_item)


@dataclass(frozen=True)
class Item:
    key: str
    subscale: str
    text: str
    reverse: bool = False  # negatively worded: agreeing is the low end, scored in reverse
    guide_section: str | None = None
    guide_item: str | None = None

    @property
    def guide(self) -> GuideLink | None:
        return _guide_link(self.guide_section, self.guide_item)


@dataclass(frozen=True)
class Instrument:
    key: str
    version: int
    title: str
    intro: str
    audience: str
    scale: Scale
    subscales: tuple[Subscale, ...]
    items: tuple[Item, ...]
    source: str = ""

    def __str__(self) -> str:
        return f"{self.title} (versie {self.version})"

    @property
    def subscale_keys(self) -> list[str]:
        return [subscale.key for subscale in self.subscales]

    @property
    def item_keys(self) -> list[str]:
        return [item.key for item in self.items]

    def subscale(self, key: str) -> Subscale:
        for subscale in self.subscales:
            if subscale.key == key:
                return subscale
        raise KeyError(f"No subscale {key!r} in instrument {self.key!r}")

    @cached_property
    def items_by_subscale(self) -> dict[str, tuple[Item, ...]]:
        return {
            key: tuple(i for i in self.items if i.subscale == key) for key in self.subscale_keys
        }

    def items_of(self, subscale: str) -> list[Item]:
        """The items of one subscale, in questionnaire order; KeyError for an unknown subscale."""
        self.subscale(subscale)
        return [item for item in self.items if item.subscale == subscale]

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(f"No item {key!r} in instrument {self.key!r}")


# Loading and validation


def _key(data: dict[str, Any], where: str) -> str:
    return files.key(data, where, KEY_PATTERN, "lower case letters, digits or _")


def _list(data: dict[str, Any], name: str, where: str) -> list[Any]:
    return files.listing(data, name, where, required=True)


def _guide(value: Any, where: str, *, required: bool) -> tuple[str | None, str | None]:
    if value is None and not required:
        return None, None
    data = files.mapping(value, GUIDE_FIELDS, f"{where}, guide")
    section = files.text(data, "section", f"{where}, guide")
    item = data.get("item")
    if item is not None and (not isinstance(item, str) or not item.strip()):
        raise InstrumentError(f"{where}, guide: 'item' must be a guide item key")
    return section, item


def _subscale(value: Any, where: str) -> Subscale:
    key = _key(files.mapping(value, SUBSCALE_FIELDS, where), where)
    where = f"{where} {key!r}"
    section, item = _guide(value.get("guide"), where, required=True)
    assert section is not None
    return Subscale(
        key=key,
        title=files.text(value, "title", where),
        description=files.text(value, "description", where),
        guide_section=section,
        guide_item=item,
    )


def _item(value: Any, subscales: list[str], where: str) -> Item:
    key = _key(files.mapping(value, ITEM_FIELDS, where), where)
    where = f"{where} {key!r}"
    subscale = files.text(value, "subscale", where)
    if subscale not in subscales:
        raise InstrumentError(f"{where}: unknown subscale {subscale!r}")
    reverse = value.get("reverse", False)
    if not isinstance(reverse, bool):
        raise InstrumentError(f"{where}: 'reverse' must be true or false")
    section, guide_item = _guide(value.get("guide"), where, required=False)
    return Item(
        key=key,
        subscale=subscale,
        text=files.text(value, "text", where),
        reverse=reverse,
        guide_section=section,
        guide_item=guide_item,
    )


@files.reported_as(InstrumentError)
def load_instrument(path: Path) -> Instrument:
    """Read and validate one file named `<key>.v<version>.yaml`."""
    where = path.name
    name = FILE_NAME.match(path.name)
    if not name:
        raise InstrumentError(f"{where}: file name must be <key>.v<version>.yaml")
    data = files.mapping(files.read_yaml(path), INSTRUMENT_FIELDS, where)
    key = _key(data, where)
    if key != name["key"]:
        raise InstrumentError(f"{where}: key {key!r} does not match the file name")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InstrumentError(f"{where}: 'version' must be a positive whole number")
    if version != int(name["version"]):
        raise InstrumentError(
            f"{where}: version {version} does not match the file name (v{name['version']})"
        )
    audience = files.text(data, "audience", where)
    if audience not in AUDIENCES:
        raise InstrumentError(
            f"{where}: unknown audience {audience!r}; choose {', '.join(sorted(AUDIENCES))}"
        )
    scale_key = files.text(data, "scale", where)
    if scale_key not in SCALES:
        raise InstrumentError(
            f"{where}: unknown scale {scale_key!r}; choose {', '.join(sorted(SCALES))}"
        )
    subscales = [_subscale(s, f"{where}: subscale") for s in _list(data, "subscales", where)]
    files.unique([subscale.key for subscale in subscales], "subscale", where)
    subscale_keys = [subscale.key for subscale in subscales]
    items = [_item(i, subscale_keys, f"{where}: item") for i in _list(data, "items", where)]
    files.unique([item.key for item in items], "item", where)
    for subscale in subscales:
        if not any(item.subscale == subscale.key for item in items):
            raise InstrumentError(f"{where}: subscale {subscale.key!r} has no items")
    return Instrument(
        key=key,
        version=version,
        title=files.text(data, "title", where),
        intro=files.text(data, "intro", where),
        audience=audience,
        scale=SCALES[scale_key],
        subscales=tuple(subscales),
        items=tuple(items),
        source=files.text(data, "source", where),
    )


Registry = dict[str, dict[int, Instrument]]


@files.reported_as(InstrumentError)
def load_instruments(directory: Path = INSTRUMENTS_DIR) -> Registry:
    """Every instrument in `directory`: {key: {version: instrument}}, versions ascending."""
    registry: Registry = {}
    for path in files.yaml_files(directory, "instruments"):
        # The file name fixes key and version (no leading zeros), so they cannot repeat.
        instrument = load_instrument(path)
        registry.setdefault(instrument.key, {})[instrument.version] = instrument
    return {key: dict(sorted(versions.items())) for key, versions in sorted(registry.items())}


@cache
def _registry() -> Registry:
    return load_instruments()


# Public accessors


def get_instrument(key: str, version: int | None = None) -> Instrument:
    """The given version, or the latest when `version` is None. KeyError when unknown."""
    versions = _registry().get(key)
    if not versions:
        raise KeyError(f"No instrument {key!r}")
    if version is None:
        return versions[max(versions)]
    if version not in versions:
        raise KeyError(f"No version {version} of instrument {key!r}")
    return versions[version]


def all_versions(key: str) -> list[int]:
    """The versions of an instrument, ascending. KeyError for an unknown instrument."""
    versions = _registry().get(key)
    if not versions:
        raise KeyError(f"No instrument {key!r}")
    return list(versions)


def latest_instruments() -> list[Instrument]:
    """The newest version of every instrument, ordered by key."""
    return [versions[max(versions)] for versions in _registry().values()]


# Answers


def out_of_scale_message(scale: Scale) -> str:
    message = f"Kies een waarde van {scale.min} tot {scale.max}"
    if scale.dont_know_label is not None:
        return f"{message} of '{scale.dont_know_label}'."
    return f"{message}."


def unanswered_message(scale: Scale) -> str:
    if scale.dont_know_label is not None:
        return f"Beantwoord deze vraag of kies '{scale.dont_know_label}'."
    return "Beantwoord deze vraag."


UNKNOWN_ITEM_MESSAGE = "Deze vraag hoort niet bij deze vragenlijst."


def validate_answers(
    instrument: Instrument, answers: Mapping[str, int | None], *, complete: bool
) -> dict[str, str]:
    """Dutch error messages per item key; empty when the answers are acceptable.

    A value of None means 'don't know' (valid when the scale offers it); a missing key means the
    question was not answered, which is an error only when `complete` is true (a final
    submission, as opposed to saving a draft). Errors come in questionnaire order, followed by
    the keys that are not items of this instrument."""
    errors: dict[str, str] = {}
    for item in instrument.items:
        if item.key not in answers:
            if complete:
                errors[item.key] = unanswered_message(instrument.scale)
        elif not instrument.scale.accepts(answers[item.key]):
            errors[item.key] = out_of_scale_message(instrument.scale)
    known = set(instrument.item_keys)
    for key in answers:
        if key not in known:
            errors[key] = UNKNOWN_ITEM_MESSAGE
    return errors

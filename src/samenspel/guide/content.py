"""The guide: the handbook 'Samenspel lokale coalities tegen eenzaamheid' as structured content.

Content lives in `content/*.yaml`, one file per section, ordered by file name. It is read once,
validated strictly (a missing field or a duplicate key names the file and the key) and cached.
Other apps rely on the keys (phases, partner kinds, circles, ...), so treat them as an API.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from samenspel.core import content_files as files
from samenspel.core.content_files import ContentFileError
from samenspel.core.fuzzy import fold

CONTENT_DIR = Path(__file__).resolve().parent / "content"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ACTIVITY_KEY_MAX_LENGTH = 64  # coalitions.ChecklistItem.activity_key
SNIPPET_RADIUS = 90

SECTION_FIELDS = {"key", "title", "intro", "source", "items"}
ITEM_FIELDS = {"key", "title", "summary", "body", "source", "tips", "questions", "activities"}
TIP_FIELDS = {"title", "text"}
ACTIVITY_FIELDS = {"key", "title", "description"}


class ContentError(ContentFileError):
    """The YAML content is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Tip:
    title: str
    text: str


@dataclass(frozen=True)
class Activity:
    """A typical activity of a phase; its key is stored in coalition checklists."""

    key: str
    title: str
    description: str
    phase: str


@dataclass(frozen=True)
class Item:
    section_key: str
    key: str
    title: str
    summary: str
    body: str
    source: str
    tips: tuple[Tip, ...] = ()
    questions: tuple[str, ...] = ()
    activities: tuple[Activity, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    source: str
    items: tuple[Item, ...]

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(f"No item {key!r} in guide section {self.key!r}")

    @property
    def item_keys(self) -> list[str]:
        return [item.key for item in self.items]


@dataclass(frozen=True)
class Guide:
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(f"No guide section {key!r}")

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items


@dataclass(frozen=True)
class SearchHit:
    section: Section
    item: Item
    snippet: str
    title_match: bool


# Loading and validation


def _body(data: dict[str, Any], where: str) -> str:
    files.text(data, "body", where)
    paragraphs = re.split(r"\n\s*\n", data["body"].strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _as_mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContentError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def _keyed(value: Any, allowed: set[str], where: str) -> tuple[str, dict[str, Any], str]:
    """The key, the checked data and a location that names the key, for items and activities."""
    key = _key(_as_mapping(value, where), where)
    where = f"{where} {key!r}"
    return key, files.mapping(value, allowed, where), where


def _list(data: dict[str, Any], name: str, where: str) -> list[Any]:
    return files.listing(data, name, where, required=False)


def _key(data: dict[str, Any], where: str) -> str:
    return files.key(data, where, KEY_PATTERN, "lower case letters, digits, - or _")


def _tip(value: Any, where: str) -> Tip:
    data = files.mapping(value, TIP_FIELDS, where)
    return Tip(title=files.text(data, "title", where), text=files.text(data, "text", where))


def _activity(value: Any, phase: str, where: str) -> Activity:
    key, data, where = _keyed(value, ACTIVITY_FIELDS, where)
    if not key.startswith(f"{phase}-") or len(key) > ACTIVITY_KEY_MAX_LENGTH:
        raise ContentError(f"{where}: activity keys start with '{phase}-', max 64 characters")
    title, description = files.text(data, "title", where), files.text(data, "description", where)
    return Activity(key=key, title=title, description=description, phase=phase)


def _item(value: Any, section_key: str, where: str) -> Item:
    key, data, where = _keyed(value, ITEM_FIELDS, where)
    questions = tuple(" ".join(str(q).split()) for q in _list(data, "questions", where))
    if not all(questions):
        raise ContentError(f"{where}: empty question")
    activities = [_activity(a, key, f"{where}, activity") for a in _list(data, "activities", where)]
    files.unique([activity.key for activity in activities], "activity", where)
    return Item(
        section_key=section_key,
        key=key,
        title=files.text(data, "title", where),
        summary=files.text(data, "summary", where),
        body=_body(data, where),
        source=files.text(data, "source", where),
        tips=tuple(_tip(tip, f"{where}, tip") for tip in _list(data, "tips", where)),
        questions=questions,
        activities=tuple(activities),
    )


@files.reported_as(ContentError)
def load_section(path: Path) -> Section:
    where = path.name
    data = files.mapping(files.read_yaml(path), SECTION_FIELDS, where)
    key = _key(data, where)
    raw_items = _list(data, "items", where)
    if not raw_items:
        raise ContentError(f"{where}: section {key!r} has no items")
    items = tuple(_item(item, key, f"{where}: item") for item in raw_items)
    files.unique([item.key for item in items], "item", where)
    return Section(
        key=key,
        title=files.text(data, "title", where),
        intro=files.text(data, "intro", where),
        source=files.text(data, "source", where),
        items=items,
    )


@files.reported_as(ContentError)
def load_guide(directory: Path = CONTENT_DIR) -> Guide:
    paths = files.yaml_files(directory, "guide content")
    guide = Guide(sections=tuple(load_section(path) for path in paths))
    files.unique([section.key for section in guide.sections], "section", str(directory))
    activity_keys = [a.key for item in guide.items() for a in item.activities]
    files.unique(activity_keys, "activity", str(directory))
    return guide


# Public accessors


@cache
def get_guide() -> Guide:
    return load_guide()


def get_section(key: str) -> Section:
    """Raises KeyError for an unknown section."""
    return get_guide().section(key)


def get_item(section_key: str, item_key: str) -> Item:
    """Raises KeyError for an unknown section or item."""
    return get_section(section_key).item(item_key)


def phase_activities(phase_key: str) -> list[Activity]:
    return list(get_item("phases", phase_key).activities)


def all_activity_keys() -> set[str]:
    return {activity.key for item in get_section("phases").items for activity in item.activities}


def get_activity(key: str) -> Activity:
    for item in get_section("phases").items:
        for activity in item.activities:
            if activity.key == key:
                return activity
    raise KeyError(f"No phase activity {key!r}")


def tips_for_phase(phase_key: str) -> list[Tip]:
    return list(get_item("phases", phase_key).tips)


def tips_for_partner_kind(kind: str) -> list[Tip]:
    return list(get_item("partner_kinds", kind).tips)


# Search


@dataclass(frozen=True)
class _Field:
    text: str
    folded: str
    positions: tuple[int, ...]  # index in `text` of every character of `folded`

    @classmethod
    def of(cls, text: str) -> "_Field":
        folded: list[str] = []
        positions: list[int] = []
        for index, char in enumerate(text):
            for folded_char in fold(char):
                folded.append(folded_char)
                positions.append(index)
        return cls(text, "".join(folded), tuple(positions))


def _item_texts(item: Item) -> list[str]:
    texts = [item.summary, *item.paragraphs]
    texts += [f"{tip.title}: {tip.text}" for tip in item.tips]
    texts += [f"{a.title}: {a.description}" for a in item.activities]
    return texts + list(item.questions)


@cache
def _search_index() -> tuple[tuple[Section, Item, _Field, tuple[_Field, ...]], ...]:
    return tuple(
        (section, item, _Field.of(item.title), tuple(_Field.of(t) for t in _item_texts(item)))
        for section in get_guide().sections
        for item in section.items
    )


def _terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", fold(query)) if len(term) > 1]


def _snippet(field: _Field, term: str) -> str:
    """About 2 * SNIPPET_RADIUS characters of the field around the first occurrence of term."""
    text, start = field.text, field.folded.find(term)
    if len(text) <= 2 * SNIPPET_RADIUS:
        return text
    centre = field.positions[start] if start >= 0 else 0
    begin = max(0, min(centre - SNIPPET_RADIUS, len(text) - 2 * SNIPPET_RADIUS))
    end = min(len(text), begin + 2 * SNIPPET_RADIUS)
    if begin > 0 and 0 <= (space := text.find(" ", begin)) < centre:
        begin = space + 1
    if end < len(text) and (space := text.rfind(" ", centre, end)) > centre:
        end = space
    prefix, suffix = ("…" if begin > 0 else ""), ("…" if end < len(text) else "")
    return f"{prefix}{text[begin:end].strip()}{suffix}"


def search(query: str) -> list[SearchHit]:
    """Items containing every word of the query (case- and accent-insensitive).

    Items whose title matches come first, then in guide order. The snippet shows the first
    place in the summary, body, tips, activities or questions where a word occurs."""
    terms = _terms(query)
    if not terms:
        return []
    ranked: list[tuple[int, int, SearchHit]] = []
    for order, (section, item, title, fields) in enumerate(_search_index()):
        everything = " ".join([title.folded, *(field.folded for field in fields)])
        if not all(term in everything for term in terms):
            continue
        in_title = sum(term in title.folded for term in terms)
        term = max(terms, key=len)  # the most telling word decides where the snippet comes from
        field = next((f for f in fields if term in f.folded), fields[0])
        hit = SearchHit(section, item, _snippet(field, term), title_match=in_title > 0)
        ranked.append((-in_title, order, hit))
    return [hit for *_, hit in sorted(ranked, key=lambda entry: entry[:2])]

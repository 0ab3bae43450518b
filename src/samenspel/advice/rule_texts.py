"""The words of the advice rules: titles, explanations and next steps, kept in content files.

`content/<module>.yaml` holds the texts of the rules in `rules/<module>.py`, read once, strictly
(with the helpers the guide and the scan instruments share: a missing field or a duplicate key
names the file and the key) and cached. A rule has default texts and may have variants (one per
kind of finding it gives, named like the finding's subject), and one short label (the rule's
name on the list of set-aside findings and in the audit trail). Every text is written in Dutch and
in English; the active language picks one, Dutch when the language has no text. Placeholders
(`%(partner)s`) are filled in by the rule.

A rule asks for its words with `title(rule, variant)`, `explanation(...)` or `next_step(...)`
(`rules.LABELS` reads the labels);
an unknown rule, variant or field raises KeyError, and a test checks that every text in the
files is asked for by a rule and every text asked for is in the files.
"""

import re
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

from samenspel.core import content_files as files
from samenspel.core.content_files import ContentFileError

CONTENT_DIR = Path(__file__).resolve().parent / "content"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
FIELDS = ("title", "explanation", "next_step")
LABEL = "label"

TextKey = tuple[str, str, str]  # rule, variant ('' for the default texts), field
Texts = dict[TextKey, dict[str, str]]  # language -> text


class RuleTextError(ContentFileError):
    """A file of rule texts is malformed; the message names the file and the key."""


def _key(data: dict[str, Any], where: str) -> str:
    return files.key(data, where, KEY_PATTERN, "lower case letters, digits, - or _")


def _fields(
    data: dict[str, Any], rule: str, variant: str, where: str, fields: tuple[str, ...] = FIELDS
) -> Texts:
    found: Texts = {}
    for field in fields:
        if field in data:
            languages = files.mapping(data[field], set(LANGUAGES), f"{where}, {field}")
            found[(rule, variant, field)] = {
                language: files.text(languages, language, f"{where}, {field}")
                for language in LANGUAGES
            }
    if not found:
        raise RuleTextError(f"{where}: no title, explanation or next_step")
    return found


def _rule(value: Any, where: str) -> Texts:
    data = files.mapping(value, {"key", "variants", LABEL, *FIELDS}, where)
    rule = _key(data, where)
    where = f"{where} {rule!r}"
    if LABEL not in data:
        raise RuleTextError(f"{where}: required field {LABEL!r} is missing")
    texts = _fields(data, rule, "", where, (LABEL, *FIELDS))
    variants = files.listing(data, "variants", where, required=False)
    keys = []
    for variant_value in variants:
        variant_data = files.mapping(variant_value, {"key", *FIELDS}, f"{where}, variant")
        variant = _key(variant_data, f"{where}, variant")
        keys.append(variant)
        texts |= _fields(variant_data, rule, variant, f"{where}, variant {variant!r}")
    files.unique(keys, "variant", where)
    return texts


@files.reported_as(RuleTextError)
def load_file(path: Path) -> Texts:
    where = path.name
    data = files.mapping(files.read_yaml(path), {"module", "rules"}, where)
    entries = files.listing(data, "rules", where, required=True)
    texts: Texts = {}
    for entry in entries:
        texts |= _rule(entry, f"{where}: rule")
    files.unique([_key(entry, where) for entry in entries], "rule", where)
    return texts


@files.reported_as(RuleTextError)
def load_texts(directory: Path = CONTENT_DIR) -> Texts:
    texts: Texts = {}
    for path in files.yaml_files(directory, "rule texts"):
        found = load_file(path)
        files.unique([*{key[0] for key in texts}, *{key[0] for key in found}], "rule", path.name)
        texts |= found
    return texts


@cache
def all_texts() -> Texts:
    return load_texts()


def _text(rule: str, variant: str, field: str) -> str:
    languages = all_texts()[(rule, variant, field)]
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return languages.get(language, languages[DEFAULT_LANGUAGE])


def title(rule: str, variant: str = "") -> str:
    return _text(rule, variant, "title")


def explanation(rule: str, variant: str = "") -> str:
    return _text(rule, variant, "explanation")


def next_step(rule: str, variant: str = "") -> str:
    return _text(rule, variant, "next_step")


def label(rule: str) -> str:
    return _text(rule, "", LABEL)

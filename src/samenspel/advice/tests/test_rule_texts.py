"""The advice rules' words live in content files (advice/content/*.yaml): every rule has its
texts, every text belongs to a rule and is asked for by it, and the files are read strictly."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from samenspel.advice import rule_texts, rules
from samenspel.advice.rules import RULE_KEYS
from samenspel.guide.tests import fingerprint

RULES_DIR = Path(rule_texts.__file__).resolve().parent / "rules"
# rule_texts.title("rule") or rule_texts.next_step("rule", "variant"), as the rule modules write it
ASKED = re.compile(
    r"rule_texts\.(title|explanation|next_step)\(\s*\"([a-z_]+)\"(?:,\s*\"([a-z0-9-]+)\")?\s*\)"
)


def asked_for() -> set[tuple[str, str, str]]:
    """Every (rule, variant, field) that the rule modules ask for, read from their source."""
    found = set()
    for path in RULES_DIR.glob("*.py"):
        for field, rule, variant in ASKED.findall(path.read_text(encoding="utf-8")):
            found.add((rule, variant, field))
    return found


def test_every_rule_has_its_texts_and_every_text_belongs_to_a_rule():
    rules_with_texts = {rule for rule, _variant, _field in rule_texts.all_texts()}
    assert rules_with_texts == set(RULE_KEYS)


def test_every_text_is_asked_for_and_every_text_asked_for_exists():
    texts = {key for key in rule_texts.all_texts() if key[2] != rule_texts.LABEL}
    assert asked_for() == texts


def test_every_rule_has_a_label_in_both_languages():
    with translation.override("en"):
        english = {key: str(label) for key, label in rules.LABELS.items()}
    with translation.override("nl"):
        dutch = {key: str(label) for key, label in rules.LABELS.items()}
    assert set(dutch) == set(RULE_KEYS)
    assert dutch["netwerkdip"] == "Netwerkdip"
    assert english["netwerkdip"] == "Network dip"
    assert all(dutch[key] and english[key] != dutch[key] for key in RULE_KEYS)


def test_every_rule_gives_a_title_and_a_next_step():
    for rule in RULE_KEYS:
        fields = {field for r, _variant, field in rule_texts.all_texts() if r == rule}
        assert {"title", "next_step"} <= fields, rule


def test_the_active_language_picks_the_text():
    with translation.override("nl"):
        dutch = rule_texts.title("missing_partner_kinds", "residents")
    with translation.override("en"):
        english = rule_texts.title("missing_partner_kinds", "residents")
    assert dutch == "Er zitten geen inwoners aan tafel"
    assert english == "There are no residents at the table"


def test_an_unknown_text_is_an_error():
    with pytest.raises(KeyError):
        rule_texts.title("missing_partner_kinds", "no-such-variant")


def test_both_languages_have_the_same_placeholders():
    for key, languages in rule_texts.all_texts().items():
        placeholders = {
            lang: set(re.findall(r"%\(\w+\)s", text)) for lang, text in languages.items()
        }
        assert placeholders["nl"] == placeholders["en"], key


def test_the_texts_are_in_our_own_words():
    """Like the guide content: no run of ten words copied from the source texts."""
    known = fingerprint.load()
    copied = [
        " ".join(run)
        for languages in rule_texts.all_texts().values()
        for run in fingerprint.runs(languages["nl"])
        if fingerprint.digest(run) in known
    ]
    assert copied == []


def write(tmp_path, body):
    (tmp_path / "rules.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def test_a_text_without_english_is_refused_naming_the_rule(tmp_path):
    directory = write(
        tmp_path,
        "module: x\nrules:\n- key: netwerkdip\n  label: {nl: A, en: A}\n  title:\n    nl: Let op\n",
    )
    with pytest.raises(rule_texts.RuleTextError, match="rules.yaml: rule 'netwerkdip', title"):
        rule_texts.load_texts(directory)


def test_a_duplicate_variant_is_refused(tmp_path):
    variant = "  - key: a\n    title: {nl: A, en: A}\n"
    directory = write(
        tmp_path,
        "module: x\nrules:\n- key: netwerkdip\n  label: {nl: A, en: A}\n  variants:\n"
        + variant
        + variant,
    )
    with pytest.raises(rule_texts.RuleTextError, match="duplicate variant key 'a'"):
        rule_texts.load_texts(directory)


def test_a_rule_without_a_label_is_refused(tmp_path):
    directory = write(tmp_path, "module: x\nrules:\n- key: netwerkdip\n  title: {nl: A, en: A}\n")
    with pytest.raises(rule_texts.RuleTextError, match="required field 'label' is missing"):
        rule_texts.load_texts(directory)


def test_an_unknown_field_is_refused(tmp_path):
    directory = write(tmp_path, "module: x\nrules:\n- key: netwerkdip\n  summary: {nl: A, en: A}\n")
    with pytest.raises(rule_texts.RuleTextError, match="unknown field"):
        rule_texts.load_texts(directory)

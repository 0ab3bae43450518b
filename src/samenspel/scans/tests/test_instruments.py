from pathlib import Path

import pytest

from samenspel.guide.content import get_item, get_section
from samenspel.guide.tests import fingerprint
from samenspel.scans import instruments
from samenspel.scans.instruments import (
    SCALES,
    Instrument,
    InstrumentError,
    all_versions,
    get_instrument,
    latest_instruments,
    load_instrument,
    load_instruments,
    validate_answers,
)

KEYS = ["conditions", "motives", "pillars", "pulse", "success_factors"]

# Instrument -> guide section whose item keys are exactly the instrument's subscales.
SUBSCALES_FROM_GUIDE = {
    "conditions": "conditions",
    "success_factors": "success_factors",
    "motives": "motives",
}


def _strings(instrument: Instrument) -> list[tuple[str, str]]:
    where = instrument.key
    strings = [(where, instrument.title), (where, instrument.intro)]
    for subscale in instrument.subscales:
        strings += [(f"{where}/{subscale.key}", f"{subscale.title}. {subscale.description}")]
    strings += [(f"{where}/{item.key}", item.text) for item in instrument.items]
    return strings


# The shipped instruments


def test_every_instrument_loads() -> None:
    assert [instrument.key for instrument in latest_instruments()] == KEYS
    for key in KEYS:
        assert get_instrument(key) is get_instrument(key, all_versions(key)[-1])
        assert all_versions(key) == [1]


def test_unknown_instrument_or_version_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        get_instrument("no_such_instrument")
    with pytest.raises(KeyError):
        get_instrument("conditions", 99)
    with pytest.raises(KeyError):
        all_versions("no_such_instrument")


def test_conditions_has_four_statements_and_a_reverse_one_per_condition() -> None:
    conditions = get_instrument("conditions")
    assert conditions.audience == "partners"
    assert conditions.scale.key == "agreement5"
    assert conditions.scale.dont_know_label == "Weet ik niet"
    for subscale in conditions.subscale_keys:
        items = conditions.items_of(subscale)
        assert len(items) >= 4, subscale
        assert any(item.reverse for item in items), subscale
        assert not all(item.reverse for item in items), subscale


def test_success_factors_has_three_statements_per_factor() -> None:
    success_factors = get_instrument("success_factors")
    assert success_factors.audience == "partners"
    assert success_factors.scale.key == "agreement5"
    assert all(len(success_factors.items_of(key)) >= 3 for key in success_factors.subscale_keys)


def test_pillars_has_two_statements_per_pillar_and_the_eleven_monitoring_questions() -> None:
    pillars = get_instrument("pillars")
    assert pillars.audience == "coordination"
    assert pillars.scale.key == "agreement5"
    assert pillars.subscale_keys == [*get_section("pillars").item_keys, "monitoring"]
    for pillar in get_section("pillars").item_keys:
        assert len(pillars.items_of(pillar)) >= 2, pillar
    monitoring = pillars.items_of("monitoring")
    assert [item.key for item in monitoring] == [f"q{number:02}" for number in range(1, 12)]
    assert [item.key for item in monitoring] == get_section("monitoring_questions").item_keys
    for item in monitoring:
        assert (item.guide_section, item.guide_item) == ("monitoring_questions", item.key)
        assert not item.reverse


def test_motives_has_three_statements_per_motive() -> None:
    motives = get_instrument("motives")
    assert motives.audience == "partners"
    assert motives.scale.key == "agreement5"
    assert all(len(motives.items_of(key)) >= 3 for key in motives.subscale_keys)


def test_pulse_is_short() -> None:
    pulse = get_instrument("pulse")
    assert pulse.audience == "partners"
    assert pulse.scale.key == "energy5"
    assert pulse.subscale_keys == ["energy", "attendance", "delivery"]
    assert all(1 <= len(pulse.items_of(key)) <= 2 for key in pulse.subscale_keys)


@pytest.mark.parametrize(("instrument_key", "section_key"), SUBSCALES_FROM_GUIDE.items())
def test_subscale_keys_are_the_guide_keys(instrument_key: str, section_key: str) -> None:
    instrument = get_instrument(instrument_key)
    assert instrument.subscale_keys == get_section(section_key).item_keys
    for subscale in instrument.subscales:
        assert (subscale.guide_section, subscale.guide_item) == (section_key, subscale.key)


@pytest.mark.parametrize("key", KEYS)
def test_every_guide_link_exists(key: str) -> None:
    instrument = get_instrument(key)
    links = [(s.guide_section, s.guide_item) for s in instrument.subscales]
    links += [(i.guide_section, i.guide_item) for i in instrument.items if i.guide_section]
    for section, item in links:
        assert section is not None
        if item is None:
            get_section(section)  # raises KeyError when missing
        else:
            get_item(section, item)


@pytest.mark.parametrize("key", KEYS)
def test_statements_are_short_and_fit_the_scale(key: str) -> None:
    instrument = get_instrument(key)
    ending = "?" if instrument.scale.key == "energy5" else "."
    for item in instrument.items:
        assert len(item.text) <= 120, item.key
        assert item.text.endswith(ending), item.key


def test_no_instrument_text_is_copied_from_the_sources() -> None:
    """No run of 10 consecutive words (ignoring case, accents and punctuation) is taken from
    the handbook or the articles: the instruments use their own words."""
    known = fingerprint.load()
    copied = [
        f"{where}: {' '.join(run)}"
        for instrument in latest_instruments()
        for where, text in _strings(instrument)
        for run in fingerprint.runs(text)
        if fingerprint.digest(run) in known
    ]
    assert not copied, "\n".join(copied)


def test_scales() -> None:
    agreement = SCALES["agreement5"]
    assert (agreement.min, agreement.max) == (1, 5)
    assert agreement.label(1) == "Helemaal oneens"
    assert agreement.label(5) == "Helemaal eens"
    assert agreement.label(None) == "Weet ik niet"
    energy = SCALES["energy5"]
    assert (energy.min, energy.max) == (1, 5)
    assert [point.label for point in energy.points] != [point.label for point in agreement.points]


def test_instrument_helpers() -> None:
    conditions = get_instrument("conditions")
    assert conditions.item("process_lead").subscale == "process"
    with pytest.raises(KeyError):
        conditions.item("no_such_item")
    with pytest.raises(KeyError):
        conditions.items_of("no_such_subscale")


# Validation of answers


def test_validate_answers_accepts_every_point_and_dont_know() -> None:
    conditions = get_instrument("conditions")
    answers: dict[str, int | None] = {
        item.key: (None if index % 6 == 5 else index % 5 + 1)
        for index, item in enumerate(conditions.items)
    }
    assert validate_answers(conditions, answers, complete=True) == {}


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, "3", True])
def test_validate_answers_rejects_a_value_outside_the_scale(value: object) -> None:
    conditions = get_instrument("conditions")
    errors = validate_answers(conditions, {"process_lead": value}, complete=False)  # type: ignore[dict-item]
    assert errors == {"process_lead": "Kies een waarde van 1 tot 5 of 'Weet ik niet'."}


def test_validate_answers_names_unanswered_items_only_when_complete() -> None:
    pulse = get_instrument("pulse")
    answers = {"energy_now": 4, "energy_own": None}
    assert validate_answers(pulse, answers, complete=False) == {}
    assert validate_answers(pulse, answers, complete=True) == {
        "attendance_meetings": "Beantwoord deze vraag of kies 'Weet ik niet'.",
        "delivery_agreements": "Beantwoord deze vraag of kies 'Weet ik niet'.",
    }


def test_validate_answers_rejects_an_unknown_item() -> None:
    pulse = get_instrument("pulse")
    errors = validate_answers(pulse, {"energy_now": 3, "q01": 3}, complete=False)
    assert errors == {"q01": "Deze vraag hoort niet bij deze vragenlijst."}


# Loading: malformed files name the file

VALID = """\
key: demo
version: 1
title: Demo
intro: Vul deze lijst in.
audience: partners
scale: agreement5
source: Handreiking §3.3.1
subscales:
  - key: ambition
    title: Ambitie
    description: Een gedeelde ambitie.
    guide: {section: conditions, item: ambition}
items:
  - key: one
    subscale: ambition
    text: Eén uitspraak.
  - key: two
    subscale: ambition
    reverse: true
    text: Nog een uitspraak.
"""


SUBSCALE = """\
  - key: ambition
    title: Nog een
    description: Dubbel.
    guide: {section: conditions, item: ambition}
"""


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_reads_a_directory(tmp_path: Path) -> None:
    _write(tmp_path, "demo.v1.yaml", VALID)
    _write(tmp_path, "demo.v2.yaml", VALID.replace("version: 1", "version: 2"))
    registry = load_instruments(tmp_path)
    assert list(registry) == ["demo"]
    assert list(registry["demo"]) == [1, 2]
    demo = registry["demo"][1]
    assert demo.scale is SCALES["agreement5"]
    assert [item.reverse for item in demo.items] == [False, True]
    assert (demo.subscales[0].guide_section, demo.subscales[0].guide_item) == (
        "conditions",
        "ambition",
    )


def test_get_instrument_returns_the_latest_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "demo.v1.yaml", VALID)
    _write(tmp_path, "demo.v10.yaml", VALID.replace("version: 1", "version: 10"))
    _write(tmp_path, "demo.v2.yaml", VALID.replace("version: 1", "version: 2"))
    registry = load_instruments(tmp_path)
    monkeypatch.setattr(instruments, "_registry", lambda: registry)
    assert get_instrument("demo").version == 10
    assert get_instrument("demo", 2).version == 2
    assert all_versions("demo") == [1, 2, 10]
    assert [i.version for i in latest_instruments()] == [10]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "demo.v1.yaml",
            VALID.replace("subscale: ambition\n    reverse", "subscale: trust\n    reverse"),
            r"demo\.v1\.yaml: item 'two': unknown subscale 'trust'",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("key: two", "key: one"),
            r"demo\.v1\.yaml: duplicate item key 'one'",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("items:", SUBSCALE + "items:"),
            r"demo\.v1\.yaml: duplicate subscale key 'ambition'",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("scale: agreement5", "scale: agreement7"),
            r"demo\.v1\.yaml: unknown scale 'agreement7'",
        ),
        (
            "demo.v2.yaml",
            VALID,
            r"demo\.v2\.yaml: version 1 does not match the file name \(v2\)",
        ),
        (
            "other.v1.yaml",
            VALID,
            r"other\.v1\.yaml: key 'demo' does not match the file name",
        ),
        ("demo.yaml", VALID, r"demo\.yaml: file name must be <key>\.v<version>\.yaml"),
        (
            "demo.v1.yaml",
            VALID.replace("audience: partners", "audience: everyone"),
            r"demo\.v1\.yaml: unknown audience 'everyone'",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("    text: Eén uitspraak.\n", ""),
            r"demo\.v1\.yaml: item 'one': required field 'text'",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("reverse: true", "reverse: yes please"),
            r"demo\.v1\.yaml: item 'two': 'reverse' must be true or false",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("    guide: {section: conditions, item: ambition}\n", ""),
            r"demo\.v1\.yaml: subscale 'ambition', guide: expected a mapping",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("title: Demo", "title: Demo\ncolour: blue"),
            r"demo\.v1\.yaml: unknown field\(s\) colour",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("version: 1", "version: one"),
            r"demo\.v1\.yaml: 'version' must be a positive whole number",
        ),
        (
            "demo.v1.yaml",
            VALID.replace("items:", SUBSCALE.replace("ambition", "trust") + "items:"),
            r"demo\.v1\.yaml: subscale 'trust' has no items",
        ),
        ("demo.v1.yaml", "key: [unclosed", r"demo\.v1\.yaml: invalid YAML"),
    ],
)
def test_loader_rejects_a_malformed_file(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(InstrumentError, match=message):
        load_instrument(path)
    with pytest.raises(InstrumentError, match=message):
        load_instruments(tmp_path)


def test_loader_rejects_a_padded_version_so_versions_cannot_repeat(tmp_path: Path) -> None:
    _write(tmp_path, "demo.v1.yaml", VALID)
    _write(tmp_path, "demo.v01.yaml", VALID)
    with pytest.raises(InstrumentError, match=r"file name must be"):
        load_instruments(tmp_path)


def test_loader_rejects_an_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match="no instruments"):
        load_instruments(tmp_path)

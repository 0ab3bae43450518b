import re
from pathlib import Path

import pytest

from samenspel.guide import content
from samenspel.guide.content import ContentError, get_guide, get_section, load_guide
from samenspel.guide.tests import fingerprint

REQUIRED_ITEMS = {
    "phases": ["initiate", "explore", "establish", "sustain", "develop", "stopped"],
    "phase_changes": [
        "letter_of_intent",
        "new_partner",
        "legal_structure",
        "first_budget",
        "subsidy",
        "project_completed",
        "other",
        "netwerkdip",
        "partners_change",
    ],
    "partner_kinds": [
        "residents",
        "welfare",
        "entrepreneurs",
        "associations",
        "neighbourhood_team",
        "libraries_culture",
        "care_providers",
        "education",
        "municipality",
        "housing_corporation",
        "other",
    ],
    "resident_types": ["responsible", "caring", "decent", "deliberative"],
    "motives": ["instrumental", "moral", "affective"],
    "circles": ["core", "active", "involved", "informed"],
    "conditions": ["ambition", "interests", "relations", "organisation", "process"],
    "dilemmas": ["subsidy", "inclusion"],
    "success_factors": ["shared_goal", "trust", "size_and_diversity", "competences"],
    "pillars": [
        "administrative_commitment",
        "strong_network",
        "involve_residents",
        "sustainable_approach",
        "monitoring_evaluation",
    ],
    "monitoring_questions": [f"q{number:02}" for number in range(1, 12)],
}
ARTICLE_ROLES = {"mediator", "facilitator", "aanjager"}
LIFE_PHASES = ["initiate", "explore", "establish", "sustain", "develop"]
CITATION = re.compile(
    r"Handreiking[^;]*§\d|Handreiking, inleiding|Artikel '[^']+' \(2021\)|Coalitie Erbij \(2015\), vraag \d+"
)


@pytest.mark.parametrize(("section_key", "item_keys"), REQUIRED_ITEMS.items())
def test_section_has_exactly_the_required_items(section_key: str, item_keys: list[str]) -> None:
    assert get_section(section_key).item_keys == item_keys


def test_municipality_roles_include_article_and_handbook_roles() -> None:
    keys = set(get_section("municipality_roles").item_keys)
    assert keys >= ARTICLE_ROLES
    assert len(keys - ARTICLE_ROLES) >= 3


@pytest.mark.parametrize("phase", LIFE_PHASES)
def test_life_phases_have_activities_and_tips(phase: str) -> None:
    item = content.get_item("phases", phase)
    assert len(item.activities) >= 2  # §1.2.6 names two typical activities for 'develop'
    assert len(item.tips) >= 2
    assert all(activity.key.startswith(f"{phase}-") for activity in item.activities)
    assert content.phase_activities(phase) == list(item.activities)


def test_stopped_has_guidance_but_no_activities() -> None:
    assert content.phase_activities("stopped") == []
    assert content.tips_for_phase("stopped")


def test_brief_activity_keys_exist() -> None:
    expected = {
        "initiate-agenda-setting",
        "initiate-gather-parties",
        "initiate-understand-issue",
        "initiate-exchange-expectations",
        "initiate-exchange-details",
    }
    assert expected <= content.all_activity_keys()


def test_activity_keys_are_unique_and_fit_the_checklist() -> None:
    keys = [a.key for item in get_section("phases").items for a in item.activities]
    assert len(keys) == len(set(keys)) == len(content.all_activity_keys())
    assert all(len(key) <= 64 for key in keys)
    assert content.get_activity("explore-motives").phase == "explore"


def test_handbook_tips_are_not_checklist_activities() -> None:
    """Board commitment (§1.2.3) and the letter of intent (§1.2.4) are tips, not activities."""
    keys = content.all_activity_keys()
    assert not {"explore-board-commitment", "establish-mark-agreement"} & keys
    tips = {tip.title for tip in get_section("phases").item("establish").tips}
    assert "Intentieverklaring of convenant" in tips


def test_every_item_cites_its_source() -> None:
    for item in get_guide().items():
        assert CITATION.search(item.source), f"{item.section_key}/{item.key}: {item.source!r}"


def test_every_item_is_complete() -> None:
    for item in get_guide().items():
        where = f"{item.section_key}/{item.key}"
        assert item.title, where
        assert item.summary, where
        assert all(paragraph.strip() for paragraph in item.paragraphs), where


def test_tips_for_an_unknown_phase_are_refused() -> None:
    with pytest.raises(KeyError):
        content.tips_for_phase("no-such-phase")


def _content_strings() -> list[tuple[str, str]]:
    strings: list[tuple[str, str]] = []
    for section in get_guide().sections:
        strings += [(section.key, section.title), (section.key, section.intro)]
        for item in section.items:
            where = f"{section.key}/{item.key}"
            strings += [(where, item.title), (where, item.summary), (where, item.body)]
            strings += [(where, f"{tip.title} {tip.text}") for tip in item.tips]
            strings += [(where, f"{a.title} {a.description}") for a in item.activities]
            strings += [(where, question) for question in item.questions]
    return strings


def test_no_content_copied_from_the_sources() -> None:
    """No run of 10 consecutive words (ignoring case, accents and punctuation) is taken from
    the handbook or the articles: the guide paraphrases."""
    known = fingerprint.load()
    copied = [
        f"{where}: {' '.join(run)}"
        for where, text in _content_strings()
        for run in fingerprint.runs(text)
        if fingerprint.digest(run) in known
    ]
    assert not copied, "\n".join(copied)


def test_copy_guard_catches_a_copied_sentence() -> None:
    sentence = (
        "Het verminderen van eenzaamheid vraagt om een blijvende, lokaal verankerde aanpak, "
        "met een duurzame samenwerking tussen organisaties van verschillende disciplines."
    )
    assert any(fingerprint.digest(run) in fingerprint.load() for run in fingerprint.runs(sentence))


SOURCES_DIR = Path("/work/shared/seeds")
SOURCE_FILES = [
    "004_e8c25a4107a59ee9.txt",
    "000_b167a271945c9896.txt",
    "001_cfc6371b0692cce7.txt",
    "002_9047f92fff3eae19.txt",
]


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="source texts not available here")
def test_fingerprints_match_the_source_texts() -> None:
    expected: set[str] = set()
    for name in SOURCE_FILES:
        expected |= fingerprint.fingerprints((SOURCES_DIR / name).read_text(encoding="utf-8"))
    assert fingerprint.load() == expected


def _write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


ITEM = "  - key: one\n    title: Eén\n    summary: Kort.\n    body: Lang.\n    source: Handreiking §1\n"


def test_loader_names_file_and_key_of_a_missing_field(tmp_path: Path) -> None:
    _write(tmp_path, "01-a.yaml", "key: a\ntitle: A\nintro: I\nsource: S\nitems:\n" + ITEM)
    _write(tmp_path, "02-b.yaml", "key: b\ntitle: B\nintro: I\nsource: S\nitems:\n  - key: two\n")
    with pytest.raises(ContentError, match=r"02-b\.yaml: item 'two': required field 'title'"):
        load_guide(tmp_path)


def test_loader_rejects_duplicate_item_keys(tmp_path: Path) -> None:
    _write(tmp_path, "01-a.yaml", "key: a\ntitle: A\nintro: I\nsource: S\nitems:\n" + ITEM * 2)
    with pytest.raises(ContentError, match=r"01-a\.yaml: duplicate item key 'one'"):
        load_guide(tmp_path)


def test_loader_rejects_duplicate_section_keys_and_unknown_fields(tmp_path: Path) -> None:
    section = "key: a\ntitle: A\nintro: I\nsource: S\nitems:\n" + ITEM
    _write(tmp_path, "01-a.yaml", section)
    _write(tmp_path, "02-a.yaml", section)
    with pytest.raises(ContentError, match="duplicate section key 'a'"):
        load_guide(tmp_path)
    _write(tmp_path, "02-a.yaml", section.replace("key: a", "key: b") + "    tip: oops\n")
    with pytest.raises(ContentError, match=r"02-a\.yaml: item 'one'.*unknown field\(s\) tip"):
        load_guide(tmp_path)


def test_loader_keeps_paragraphs(tmp_path: Path) -> None:
    body = "    body: |-\n      Eerste\n      alinea.\n\n      Tweede.\n"
    _write(tmp_path, "01-a.yaml", "key: a\ntitle: A\nintro: I\nsource: S\nitems:\n" + ITEM)
    text = (tmp_path / "01-a.yaml").read_text().replace("    body: Lang.\n", body)
    _write(tmp_path, "01-a.yaml", text)
    assert load_guide(tmp_path).section("a").item("one").paragraphs == ["Eerste alinea.", "Tweede."]


def test_content_says_what_the_handbook_says_and_marks_its_own_advice() -> None:
    """Corrections of issue 13: the handbook's own wording where the guide overstated it."""
    assert "één of twee dominant" in get_section("motives").intro
    dip = get_item_text("phase_changes", "netwerkdip")
    assert "Vrijwel elk" not in dip
    assert "Veel netwerken" in dip
    stopped = content.get_item("phases", "stopped")
    assert "eigen advies van Samenspel" in stopped.source
    for key in ("size_and_diversity", "competences"):
        assert "Eigen toelichting van Samenspel" in content.get_item("success_factors", key).body
    farewell = [t.text for t in content.get_item("phases", "sustain").tips if "afscheid" in t.title]
    assert farewell
    assert "idee" in farewell[0]
    assert "waan van de dag" in content.get_item("ownership", "obstacles").body


def get_item_text(section: str, key: str) -> str:
    item = content.get_item(section, key)
    return f"{item.summary} {item.body}"

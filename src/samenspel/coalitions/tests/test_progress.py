"""'Where are we?' as the handbook describes the phases (§1.2, §1.3): every transition, with the
explanation the page shows. Pure: evidence and history are written by hand."""

import datetime

import pytest

from samenspel.coalitions.evidence import (
    MARKER_PREFIX,
    ChecklistRow,
    Evidence,
    Record,
    RecordSource,
)
from samenspel.coalitions.models import Phase
from samenspel.coalitions.progress import Step, round_start, suggest
from samenspel.guide.content import phase_activities

DAY = datetime.date(2025, 3, 1)
LIFE = [Phase.INITIATE, Phase.EXPLORE, Phase.ESTABLISH, Phase.SUSTAIN]


@pytest.fixture(autouse=True)
def sources(monkeypatch):
    """Two record kinds, as the agreements app registers them."""
    fake = {
        "test.steps": RecordSource("test.steps", "establish-process-design", "processtappen", None),
        "test.covenant": RecordSource(
            "test.covenant", MARKER_PREFIX + Phase.ESTABLISH, "getekend convenant", None
        ),
    }
    monkeypatch.setattr("samenspel.coalitions.evidence.SOURCES", fake)
    monkeypatch.setattr("samenspel.coalitions.progress.SOURCES", fake)
    return fake


def ticks(*phases_status, day=DAY, **single):
    """ticks((phase, status), ...) sets every activity of a phase; single sets one activity."""
    rows = {}
    for phase, status in phases_status:
        for activity in phase_activities(phase):
            rows[activity.key] = ChecklistRow(status, day)
    for key, status in single.items():
        rows[key.replace("_", "-")] = ChecklistRow(status, day)
    return rows


def test_an_empty_checklist_fits_the_first_phase():
    s = suggest(Phase.INITIATE, [], Evidence())
    assert s.suggested == Phase.INITIATE
    assert s.matches_current
    assert s.reasons == [
        "De ingestelde fase past bij wat de coalitie heeft vastgelegd: in '1. Initiëren en "
        "starten' is 0% gedaan; daar ligt nu het werk."
    ]


def test_a_finished_phase_fits_until_the_next_one_begins():
    s = suggest(Phase.INITIATE, [], Evidence(checklist=ticks((Phase.INITIATE, "done"))))
    assert s.suggested == Phase.INITIATE
    assert "van de volgende fase is nog niets begonnen" in s.reasons[0]
    assert "achteraf (Handreiking §1.3)" in s.reasons[0]


def test_initiate_to_explore_when_the_next_phase_has_begun():
    evidence = Evidence(
        checklist=ticks((Phase.INITIATE, "done"), explore_motives="busy"),
    )
    s = suggest(Phase.INITIATE, [], evidence)
    assert s.suggested == Phase.EXPLORE
    assert not s.matches_current
    assert s.reasons[0] == (
        "'1. Initiëren en starten' is voor 100% gedaan, en in '2. Verkennen en concretiseren' is "
        "al werk begonnen (motieven van partijen onderzoeken)."
    )
    assert "leg de wissel dan vast met het kantelmoment erbij" in s.reasons[-1]
    assert s.next_steps[0].activity.key == "explore-motives"


def test_records_count_as_the_activity_they_show():
    evidence = Evidence(
        checklist=ticks((Phase.INITIATE, "done"), (Phase.EXPLORE, "done")),
        records={"establish-process-design": [Record("test.steps", DAY)] * 3},
    )
    s = suggest(Phase.EXPLORE, [], evidence)
    assert s.suggested == Phase.ESTABLISH
    assert (
        "in '3. Inrichten en markeren' is al werk begonnen (het proces ontwerpen)" in s.reasons[0]
    )
    design = s.progress(Phase.ESTABLISH).activities[1]
    assert design.activity.key == "establish-process-design"
    assert design.status == "not_started"
    assert design.evidence == ("processtappen (3)",)
    assert design.weight == 1.0
    assert not design.is_open


def test_a_signed_covenant_marks_the_set_up_phase():
    evidence = Evidence(
        checklist=ticks(establish_roles_agreements="done", sustain_communicate_results="busy"),
        records={MARKER_PREFIX + Phase.ESTABLISH: [Record("test.covenant", DAY)]},
    )
    s = suggest(Phase.ESTABLISH, [], evidence)
    assert s.suggested == Phase.SUSTAIN
    assert s.reasons[0].startswith(
        "'3. Inrichten en markeren' is gemarkeerd met getekend convenant, en in '4. Levend houden"
    )


def test_the_covenant_is_optional_its_absence_counts_for_nothing():
    with_list = Evidence(
        checklist=ticks((Phase.ESTABLISH, "done"), sustain_communicate_results="busy")
    )
    s = suggest(Phase.ESTABLISH, [], with_list)
    assert s.suggested == Phase.SUSTAIN
    assert "is voor 100% gedaan" in s.reasons[0]
    assert s.progress(Phase.ESTABLISH).percentage == 100


def test_sustain_is_a_phase_to_stay_in_for_years():
    evidence = Evidence(
        checklist=ticks(
            (Phase.INITIATE, "done"),
            (Phase.EXPLORE, "done"),
            (Phase.ESTABLISH, "done"),
            (Phase.SUSTAIN, "done"),
            day=datetime.date(2019, 1, 1),
        )
    )
    history = [Step(datetime.date(2019, 6, 1), Phase.ESTABLISH, Phase.SUSTAIN)]
    s = suggest(Phase.SUSTAIN, history, evidence)
    assert s.suggested == Phase.SUSTAIN
    assert s.matches_current
    assert s.reasons == [
        "De ingestelde fase past: '4. Levend houden en bestendigen' (100% gedaan) is een fase om "
        "in te blijven. De samenwerking levend houden stopt niet als de lijst af is, en de "
        "volgende fase komt soms nooit (Handreiking §1.2.5 en §1.2.6)."
    ]


def test_sustain_to_develop_when_the_review_has_begun():
    evidence = Evidence(checklist=ticks((Phase.SUSTAIN, "done"), develop_reassess="busy"))
    s = suggest(Phase.SUSTAIN, [], evidence)
    assert s.suggested == Phase.DEVELOP
    assert s.reasons[0] == (
        "Er is werk begonnen dat bij '5. Doorontwikkelen' hoort (de samenwerking herijken): de "
        "coalitie houdt haar bestaansrecht tegen het licht (Handreiking §1.2.6)."
    )


def test_develop_asks_for_the_outcome_of_the_review():
    s = suggest(Phase.DEVELOP, [], Evidence(checklist=ticks(develop_reassess="done")))
    assert s.suggested == Phase.DEVELOP
    assert "een nieuwe start in fase 1, verder in de huidige vorm, of stoppen" in s.reasons[0]


def test_after_a_review_and_a_step_back_a_new_round_begins():
    before, review = datetime.date(2022, 1, 1), datetime.date(2024, 9, 1)
    evidence = Evidence(
        checklist=ticks(
            (Phase.INITIATE, "done"),
            (Phase.EXPLORE, "done"),
            (Phase.ESTABLISH, "done"),
            (Phase.SUSTAIN, "done"),
            day=before,
        )
        | ticks(develop_reassess="done", day=review)
        | ticks(initiate_agenda_setting="done", day=datetime.date(2024, 10, 1)),
        records={"establish-process-design": [Record("test.steps", before)]},
    )
    history = [
        Step(datetime.date(2023, 1, 1), Phase.SUSTAIN, Phase.DEVELOP),
        Step(review, Phase.DEVELOP, Phase.INITIATE),
    ]
    assert round_start(history) == review
    s = suggest(Phase.INITIATE, history, evidence)
    assert s.suggested == Phase.INITIATE
    assert s.round_since == review
    earlier = sum(1 for p in s.phases for a in p.activities if a.earlier_round)
    assert s.reasons[0] == (
        f"Na de herijking is op 1 september 2024 een nieuwe ronde begonnen (Handreiking §1.2.6). "
        f"{earlier} activiteiten die daarvoor al gedaan waren, tellen niet opnieuw mee: bekijk of "
        "die nog kloppen."
    )
    assert s.progress(Phase.INITIATE).percentage == 20  # only the tick after the review
    assert s.progress(Phase.ESTABLISH).percentage == 0  # old records do not count either
    assert not s.progress(Phase.ESTABLISH).activities[1].evidence


def test_a_step_back_within_a_round_keeps_earlier_work():
    history = [Step(datetime.date(2024, 1, 1), Phase.ESTABLISH, Phase.EXPLORE)]
    assert round_start(history) is None
    evidence = Evidence(checklist=ticks((Phase.INITIATE, "done"), day=datetime.date(2023, 1, 1)))
    s = suggest(Phase.EXPLORE, history, evidence)
    assert s.progress(Phase.INITIATE).percentage == 100


def test_going_back_when_earlier_work_is_under_way_and_the_recorded_phase_is_untouched():
    evidence = Evidence(checklist=ticks((Phase.INITIATE, "done"), explore_shared_ambition="busy"))
    s = suggest(Phase.ESTABLISH, [], evidence)
    assert s.suggested == Phase.EXPLORE
    assert s.reasons == [
        "In de ingestelde fase '3. Inrichten en markeren' is nog niets begonnen, terwijl in '2. "
        "Verkennen en concretiseren' werk loopt (de gedeelde ambitie formuleren) en die fase voor "
        "12% gedaan is. Fases volgen op elkaar, maar een stap terug is gewoon als de situatie "
        "veranderd is (Handreiking §1.2): misschien hoort de coalitie (weer) in '2. Verkennen en "
        "concretiseren'."
    ]


def test_an_empty_checklist_is_no_reason_to_go_back():
    for phase in (Phase.ESTABLISH, Phase.SUSTAIN):
        assert suggest(phase, [], Evidence()).suggested == phase


def test_a_stopped_coalition_stays_stopped():
    s = suggest(Phase.STOPPED, [], Evidence(checklist=ticks((Phase.INITIATE, "done"))))
    assert s.suggested == Phase.STOPPED
    assert s.reasons == ["De coalitie is gestopt. De checklist laat zien hoe ver zij was gekomen."]


def test_not_applicable_activities_do_not_count():
    keys = [a.key for a in phase_activities(Phase.INITIATE)]
    rows = {key: ChecklistRow("not_applicable", DAY) for key in keys[1:]}
    rows[keys[0]] = ChecklistRow("done", DAY)
    s = suggest(Phase.INITIATE, [], Evidence(checklist=rows))
    assert s.progress(Phase.INITIATE).percentage == 100


def with_work_in(current, phase):
    """The suggestion when every phase before `phase` is done and its first activity is busy."""
    rows = ticks(*[(earlier, "done") for earlier in LIFE[: LIFE.index(phase)]])
    rows[phase_activities(phase)[0].key] = ChecklistRow("busy", DAY)
    return suggest(current, [], Evidence(checklist=rows))


FORWARD = [
    (Phase.INITIATE, Phase.EXPLORE, "de gedeelde ambitie formuleren"),
    (Phase.EXPLORE, Phase.ESTABLISH, "afspraken maken over rollen en inzet"),
    (Phase.ESTABLISH, Phase.SUSTAIN, "resultaten en successen delen"),
]


@pytest.mark.parametrize(("current", "following", "begun"), FORWARD)
def test_every_forward_transition_explains_itself(current, following, begun):
    """§1.2 and §1.3: the recorded phase is done and the next one has begun."""
    s = with_work_in(current, following)
    here, there = Phase(current).label, Phase(following).label
    assert s.suggested == following
    assert s.reasons == [
        f"'{here}' is voor 100% gedaan, en in '{there}' is al werk begonnen ({begun}).",
        "Een fasewissel blijkt vaak pas achteraf, rond een kantelmoment (§1.3). Past "
        f"'{there}' ook volgens de partners, leg de wissel dan vast met het kantelmoment erbij.",
    ]


BACK = [
    (Phase.EXPLORE, Phase.INITIATE, "eenzaamheid agenderen", 10),
    (Phase.ESTABLISH, Phase.EXPLORE, "de gedeelde ambitie formuleren", 12),
    (Phase.SUSTAIN, Phase.ESTABLISH, "afspraken maken over rollen en inzet", 12),
]


@pytest.mark.parametrize(("current", "back", "busy", "pct"), BACK)
def test_every_step_back_explains_itself(current, back, busy, pct):
    """§1.2: a step back is normal when the situation changed; shown only on evidence."""
    s = with_work_in(current, back)
    here, there = Phase(current).label, Phase(back).label
    assert s.suggested == back
    assert s.reasons == [
        f"In de ingestelde fase '{here}' is nog niets begonnen, terwijl in '{there}' werk loopt "
        f"({busy}) en die fase voor {pct}% gedaan is. Fases volgen op elkaar, maar een stap "
        "terug is gewoon als de situatie veranderd is (Handreiking §1.2): misschien hoort de "
        f"coalitie (weer) in '{there}'."
    ]

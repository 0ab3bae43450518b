"""The rules that follow the handbook where the first version did not (issue 13): each fires where
it should and stays silent where it must, including a resident-led coalition, a coalition that
stays in sustain for years and one that stepped back after a review."""

import datetime
from dataclasses import replace

import pytest

from samenspel.advice import rules
from samenspel.advice.findings import Severity
from samenspel.advice.snapshot import PhaseStep
from samenspel.advice.tests.builders import (
    TODAY,
    all_done_through,
    checklist,
    event,
    partner,
    scan,
    snapshot,
    stat,
    with_partner,
)
from samenspel.coalitions.evidence import ChecklistRow, Evidence
from samenspel.coalitions.progress import Step, suggest


def only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def all_findings(s):
    return [f for rule in rules.RULES for f in rule(s)]


# A resident-led coalition (Beekdaelen §2.2, Dronten §3.2.5) with an equal-partner municipality


def resident_led(**changes):
    """Residents steer and run the activities; the municipality only funds, as agreed."""
    s = snapshot(municipality_roles=("equal_partner",))
    s = with_partner(
        s,
        "Seniorenraad",
        circle="core",
        roles=("process_lead", "network_coordination", "running_activities"),
    )
    s = with_partner(s, "Buurtteam Oost", roles=("signalling",))
    s = with_partner(s, "Welzijn Oost", roles=("signalling",))
    return replace(s, **changes)


def test_a_resident_led_coalition_with_an_equal_partner_municipality_gives_no_findings():
    assert all_findings(resident_led()) == []


def test_residents_who_steer_are_not_the_coordinator_who_pulls_everything():
    s = resident_led()
    assert rules.coordinator_does_everything(s) == []
    # The same roles with a welfare organisation are the pitfall of §2.3.
    welfare = with_partner(
        s, "Welzijn Oost", roles=("process_lead", "network_coordination", "running_activities")
    )
    welfare = with_partner(welfare, "Seniorenraad", circle="active", roles=("signalling",))
    welfare = with_partner(welfare, "Voetbalclub Oost", roles=())
    welfare = with_partner(welfare, "Bibliotheek Oost", roles=())
    assert only(rules.coordinator_does_everything(welfare)).severity == Severity.ATTENTION


def test_residents_at_the_wheel_with_a_thin_circle_are_attention_never_urgent():
    s = resident_led()
    for name in ("Welzijn Oost", "Gemeente Oost", "Buurtteam Oost", "Voetbalclub Oost"):
        s = with_partner(s, name, circle="involved")
    findings = rules.coordinator_does_everything(s)
    finding = only([f for f in findings if f.subject != "circles"])  # 'circles': a core of one
    assert finding.severity == Severity.ATTENTION
    assert "Inwoners voeren hier zelf de regie" in finding.evidence[-2]


def test_an_equal_partner_municipality_that_steers_is_named():
    s = with_partner(resident_led(), "Gemeente Oost", roles=("funder", "process_lead"))
    finding = only(rules.municipality_many_hats(s))
    assert finding.severity == Severity.ATTENTION
    assert finding.title == "Afgesproken als gelijkwaardige partner, maar de gemeente stuurt"
    assert finding.evidence == [
        "Afgesproken rol van de gemeente: gelijkwaardige partner.",
        "Gemeente Oost heeft in de coalitie: procesregie.",
    ]
    assert finding.guide == ("municipality_roles", "equal_partner")


def test_a_hat_that_no_agreed_role_covers_is_info():
    s = replace(snapshot(), municipality_roles=("mediator",))
    finding = only(rules.municipality_many_hats(s))
    assert finding.severity == Severity.INFO
    assert "financier; geen afgesproken rol dekt dat" in finding.evidence[1]
    assert rules.municipality_many_hats(replace(s, municipality_roles=("facilitator",))) == []


# Sustain for years (§1.2.5: a phase to stay in; §1.2.6: the next one sometimes never comes)


def years_in_sustain():
    long_ago = datetime.date(2019, 3, 1)
    history = (PhaseStep(datetime.date(2019, 6, 1), "establish", "sustain", "letter_of_intent"),)
    return snapshot(
        start_date=datetime.date(2018, 1, 1),
        phase_history=history,
        checklist=checklist(all_done_through("sustain", updated_on=long_ago), updated_on=long_ago),
    )


def test_seven_years_in_sustain_is_no_stalling():
    s = years_in_sustain()
    assert s.days_in_phase > 7 * 365
    assert rules.phase_stalls(s) == []
    assert all_findings(s) == []


def test_sustain_still_gets_the_yearly_evaluation_question():
    s = replace(years_in_sustain(), last_evaluation=None)
    finding = only(rules.no_evaluation_in_twelve_months(s))
    assert finding.severity == Severity.URGENT


# A step back after a review (§1.2.6): earlier work does not count again


def stepped_back_after_review():
    before, review = datetime.date(2023, 3, 1), datetime.date(2026, 3, 1)
    statuses = all_done_through("sustain", updated_on=before)
    history = (
        PhaseStep(datetime.date(2025, 5, 1), "sustain", "develop", "other"),
        PhaseStep(review, "develop", "initiate", "other"),
    )
    rows = {key: ChecklistRow("done", before) for key in statuses}
    suggestion = suggest(
        "initiate", [Step(h.date, h.from_phase, h.to_phase) for h in history], Evidence(rows)
    )
    return snapshot(
        phase="initiate",
        phase_history=history,
        checklist=checklist(statuses, updated_on=before),
        suggestion=suggestion,
    )


def test_after_a_review_the_old_ticks_do_not_hide_a_new_round_that_stands_still():
    s = stepped_back_after_review()
    assert s.phase_score("initiate") == 0.0
    finding = only(rules.phase_stalls(s))
    assert finding.title == "Al 8 maanden in fase '1. Initiëren en starten'"
    assert finding.evidence[1].startswith("Checklist van deze fase: 0% gedaan")
    # Counted the old way (checklist alone), the ticks from before the review would hide it.
    assert rules.phase_stalls(replace(s, suggestion=None)) == []


def test_a_new_round_that_moves_is_not_stalling():
    s = stepped_back_after_review()
    fresh = replace(s, today=datetime.date(2026, 5, 1))
    assert rules.phase_stalls(fresh) == []


# Motives (§3.3.2)


def test_one_sided_motives_at_the_heart_of_the_coalition_are_info():
    s = snapshot(partners=tuple(replace(p, motives=("moral",)) for p in snapshot().partners))
    finding = only(rules.motives_one_sided(s))
    assert finding.severity == Severity.INFO
    assert finding.evidence[0] == (
        "Dominante motieven bij de 6 partners in de kern en de actieve cirkel: instrumenteel 0, "
        "moreel 6 en affectief 0."
    )
    assert finding.evidence[2] == "alleen idealen: het doen blijft dan vaak achter"
    assert "één of twee daarvan dominant" in finding.explanation


def test_motives_are_quiet_when_mixed_or_too_few_to_say():
    assert rules.motives_one_sided(snapshot()) == []
    two = snapshot(partners=(partner("A", circle="core"), partner("B", circle="core")))
    assert rules.motives_one_sided(two) == []


# Changes in a partner without a conversation (§1.2.4)


def test_a_change_without_a_planned_conversation_after_a_month_is_attention():
    welfare = snapshot().partners[0]
    s = snapshot(events=(event(welfare, "new_director"),))  # 83 days before TODAY
    finding = only(rules.partner_change_not_discussed(s))
    assert finding.severity == Severity.ATTENTION
    assert finding.evidence == [
        "Welzijn Oost: nieuwe directeur of bestuurder, vastgelegd op 1 september 2026; "
        "83 dagen later is er nog geen gesprek gepland."
    ]


def test_a_planned_or_recent_conversation_is_fine():
    welfare = snapshot().partners[0]
    planned = snapshot(events=(event(welfare, "leaving", conversation="planned"),))
    assert rules.partner_change_not_discussed(planned) == []
    recent = replace(event(welfare, "leaving"), date=TODAY - datetime.timedelta(days=10))
    assert rules.partner_change_not_discussed(snapshot(events=(recent,))) == []


# The pillar item about one policy officer, success factors 3 and 4, pillars, monitoring questions


def pillars(items=None, **subscales):
    return {"pillars": scan("pillars", subscales or {"strong_network": stat(3.8)}, items=items)}


def test_the_approach_hanging_on_the_policy_officer_is_a_dependence():
    s = snapshot(scans=pillars({"sustainable_depends_on_one": stat(2.2)}))
    finding = only(rules.dependence_on_one_party(s))
    assert (finding.subject, finding.severity) == ("policy-officer", Severity.URGENT)
    assert (
        "Als de betrokken beleidsmedewerker vertrekt, valt de aanpak stil." in (finding.evidence[0])
    )
    ok = snapshot(scans=pillars({"sustainable_depends_on_one": stat(3.6)}))
    assert rules.dependence_on_one_party(ok) == []


def test_success_factors_three_and_four():
    low = snapshot(scans={"success_factors": scan("success_factors", {"competences": stat(2.7)})})
    assert only(rules.success_factors_weak(low)).severity == Severity.ATTENTION
    fine = snapshot(
        scans={"success_factors": scan("success_factors", {"size_and_diversity": stat(3.9)})}
    )
    assert rules.success_factors_weak(fine) == []


def test_a_weak_pillar_and_low_monitoring_questions():
    s = snapshot(scans=pillars({"q05": stat(2.4), "q06": stat(3.5)}, involve_residents=stat(2.4)))
    pillar = only(rules.pillar_weak(s))
    assert "Inwoners en eenzamen zelf betrokken" in pillar.evidence[0]
    questions = only(rules.monitoring_questions_low(s))
    assert questions.title == "Monitorvragen waar partners 'nee' op zeggen: 1 van de 11"
    assert questions.guide == ("monitoring_questions", "q05")
    assert rules.monitoring_questions_low(snapshot(scans=pillars({"q05": stat(3.2)}))) == []


# Process steps are a process design (§1.2.4), ticked or not


def test_recorded_process_steps_count_as_a_process_design():
    s = snapshot(phase="establish", checklist=checklist())
    assert "no-design" in {f.subject for f in rules.unclear_process(s)}
    with_steps = replace(s, records={"establish-process-design": ("processtappen (4)",)})
    assert "no-design" not in {f.subject for f in rules.unclear_process(with_steps)}


# Tonkens' resident types (§2.2)


def test_a_caring_resident_in_the_core_gets_a_question_not_a_verdict():
    s = with_partner(snapshot(), "Seniorenraad", circle="core", resident_type="caring")
    finding = only(rules.resident_type_at_the_table(s))
    assert finding.severity == Severity.INFO
    assert finding.evidence == [
        "Seniorenraad is vastgelegd als de zorgzame inwoner en staat in de kern. Zo'n inwoner "
        "helpt liever direct mensen in de buurt dan te vergaderen."
    ]
    assert finding.guide == ("resident_types", "caring")


def test_a_deliberative_resident_in_the_core_or_a_caring_one_elsewhere_is_fine():
    deliberative = with_partner(
        snapshot(), "Seniorenraad", circle="core", resident_type="deliberative"
    )
    assert rules.resident_type_at_the_table(deliberative) == []
    caring_active = with_partner(snapshot(), "Seniorenraad", resident_type="caring")
    assert rules.resident_type_at_the_table(caring_active) == []


# Every rule on the three coalitions the handbook describes as healthy ways of working

PROFILES = {
    "resident-led": resident_led,
    "sustain for years": years_in_sustain,
    "stepped back after a review": stepped_back_after_review,
}
# What each profile may rightly be told: only that the new round after the review stands still.
EXPECTED = {("stepped back after a review", "phase_stalls"): [("initiate", Severity.ATTENTION)]}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("rule", rules.RULES, ids=rules.RULE_KEYS)
def test_every_rule_on_the_handbooks_healthy_profiles(rule, profile):
    findings = rule(PROFILES[profile]())
    expected = EXPECTED.get((profile, rule.__name__), [])
    assert [(f.subject, f.severity) for f in findings] == expected

"""Every rule on hand-written snapshots: once where it must fire, once where it must not."""

import datetime
from dataclasses import replace

import pytest
from django.utils import translation

from samenspel.advice import rules
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.snapshot import AreaFigure, EvaluationFact, FundingFact
from samenspel.advice.tests.builders import (
    TODAY,
    checklist,
    contact,
    event,
    partner,
    scan,
    snapshot,
    stat,
    wijk,
    with_partner,
    with_shares,
)
from samenspel.guide.content import get_item
from samenspel.partners.selectors import missing_kinds
from samenspel.scans.netwerkdip import DipSignal


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def only(findings: list[Finding], subject: str | None = None) -> Finding:
    if subject is not None:
        findings = [f for f in findings if f.subject == subject]
    assert len(findings) == 1, findings
    return findings[0]


def test_the_healthy_snapshot_gives_no_findings():
    assert [f for rule in rules.RULES for f in rule(snapshot())] == []


def test_every_rule_has_a_label_and_the_keys_are_the_agreed_ones():
    assert (
        set(rules.RULE_KEYS)
        == set(rules.LABELS)
        == {
            "dependence_on_one_party",
            "coordinator_does_everything",
            "take_give_imbalance",
            "missing_partner_kinds",
            "form_does_not_fit_size",
            "phase_stalls",
            "no_evaluation_in_twelve_months",
            "subsidy_ends_without_plan",
            "high_loneliness_little_offer",
            "ambition_not_shared",
            "interests_not_honoured",
            "low_trust_among_core",
            "under_or_over_organised",
            "unclear_process",
            "municipality_many_hats",
            "netwerkdip",
            "motives_one_sided",
            "partner_change_not_discussed",
            "success_factors_weak",
            "pillar_weak",
            "monitoring_questions_low",
            "resident_type_at_the_table",
        }
    )


# dependence_on_one_party


def test_dependence_fires_when_one_partner_holds_all_steering_roles_alone():
    s = with_partner(
        snapshot(),
        "Gemeente Oost",
        roles=("process_lead", "network_coordination", "funder", "commissioner"),
    )
    s = with_partner(s, "Welzijn Oost", roles=("running_activities",))
    s = with_partner(s, "Buurtteam Oost", roles=("signalling",))
    s = with_partner(s, "Bakkerij Oost", roles=())
    finding = only(rules.dependence_on_one_party(s))
    assert finding.title == "Veel hangt af van Gemeente Oost"
    assert any("de enige partner met de procesregie" in line for line in finding.evidence)
    assert finding.guide == ("ownership", "definition")
    assert "Inleiding" in finding.explanation


def test_dependence_fires_on_a_dominant_share_and_is_urgent_with_an_open_change():
    s = snapshot(
        partners=(
            partner(
                "Welzijn",
                circle="core",
                roles=("network_coordination", "signalling", "running_activities", "process_lead"),
            ),
            partner("Bieb", circle="core", roles=("running_activities",)),
            partner("Club", circle="core", roles=("funder",)),
        )
    )
    s = replace(s, events=(event(s.partners[0], "new_director"),))
    finding = only(rules.dependence_on_one_party(s))
    assert finding.severity == Severity.URGENT
    assert "Welzijn heeft 4 van de 6 taken in de coalitie (67%)" in finding.evidence[0]
    assert any("nieuwe directeur" in line for line in finding.evidence)
    assert finding.magnitude == 67 + 2 * 10  # share in %, plus 10 per steering role held alone


def test_dependence_does_not_fire_when_the_work_is_spread():
    assert rules.dependence_on_one_party(snapshot()) == []


def test_dependence_on_one_person_fires_when_one_contact_serves_most_of_the_core():
    s = snapshot()
    shared = contact("Sanne de Wit")
    for name in ("Welzijn Oost", "Gemeente Oost"):
        s = with_partner(s, name, contacts=(shared,))
    finding = only(rules.dependence_on_one_party(s))
    assert finding.subject == "persoon-key-Sanne de Wit"
    assert "Sanne de Wit is contactpersoon van 2 van de 3 kernpartners" in finding.evidence[0]


def test_dependence_on_one_person_does_not_fire_with_own_contacts_per_core_partner():
    assert not [
        f for f in rules.dependence_on_one_party(snapshot()) if f.subject.startswith("persoon")
    ]


# coordinator_does_everything


def test_coordinator_fires_when_the_coordinator_also_runs_most_activities_with_few_others():
    s = snapshot(
        partners=(
            partner(
                "Welzijn",
                circle="core",
                roles=("process_lead", "network_coordination", "running_activities"),
            ),
            partner("Gemeente", kind="municipality", circle="core", roles=("funder",)),
            partner("Bieb", circle="involved", roles=("running_activities",)),
            partner("Club", circle="informed", roles=("signalling",)),
        )
    )
    finding = only(rules.coordinator_does_everything(s))
    assert finding.severity == Severity.URGENT  # runs most activities and few others active
    assert finding.title == "Welzijn trekt veel naar zich toe"
    assert "§2.3" in finding.explanation
    assert finding.guide == ("partner_kinds", "welfare")


def test_coordinator_does_not_fire_when_many_others_are_active_and_run_activities():
    s = with_partner(snapshot(), "Welzijn Oost", roles=("process_lead", "network_coordination"))
    assert rules.coordinator_does_everything(s) == []


def test_coordinator_fires_on_a_core_of_one_after_the_first_phase():
    s = snapshot(
        partners=(
            partner("Welzijn", circle="core"),
            partner("Bieb", circle="active"),
            partner("Club", circle="involved"),
            partner("School", circle="informed"),
        )
    )
    finding = only(rules.coordinator_does_everything(s), "circles")
    assert finding.evidence[0].startswith("Kern: 1 (Welzijn); actief: 1; betrokken: 1")


def test_coordinator_does_not_fire_on_a_core_of_one_in_the_first_phase():
    s = snapshot(
        phase="initiate", partners=(partner("Welzijn", circle="core"), partner("A"), partner("B"))
    )
    assert rules.coordinator_does_everything(s) == []


# take_give_imbalance


def test_take_give_fires_when_a_partner_takes_but_brings_nothing():
    s = with_partner(snapshot(), "Welzijn Oost", brings_chars=0)
    finding = only(rules.take_give_imbalance(s))
    assert finding.severity == Severity.ATTENTION  # a core partner
    assert finding.evidence == [
        "Bij Welzijn Oost is vastgelegd wat zij komt halen, maar niet wat zij inbrengt."
    ]
    assert "Meedoen naar vermogen" in finding.explanation


def test_take_give_fires_for_an_active_partner_without_a_role():
    s = with_partner(snapshot(), "Bibliotheek Oost", roles=())
    finding = only(rules.take_give_imbalance(s))
    assert finding.severity == Severity.INFO
    assert "cirkel 'Actief' maar heeft geen rol" in finding.evidence[0]


def test_take_give_does_not_fire_for_an_informed_partner_without_role_or_a_balanced_one():
    s = with_partner(snapshot(), "Bakkerij Oost", roles=(), takes_chars=0, brings_chars=0)
    assert rules.take_give_imbalance(s) == []


# missing_partner_kinds


def test_missing_kinds_names_the_handbook_kinds_as_info_without_weighting():
    s = replace(
        snapshot(),
        partners=tuple(
            p for p in snapshot().partners if p.kind not in ("education", "entrepreneurs")
        ),
    )
    finding = only(rules.missing_partner_kinds(s))
    assert finding.severity == Severity.INFO
    assert finding.evidence[0] == "Ontbreekt: Ondernemers en Onderwijs."
    assert finding.guide == ("partner_kinds", "entrepreneurs")


def test_missing_kinds_shares_the_partner_maps_list_housing_is_not_expected():
    s = replace(
        snapshot(),
        partners=tuple(p for p in snapshot().partners if p.kind != "housing_corporation"),
    )
    assert rules.missing_partner_kinds(s) == []
    assert missing_kinds({p.kind for p in s.partners}) == []


def test_no_residents_at_the_table_is_attention_in_every_phase():
    for phase in ("initiate", "establish", "sustain"):
        s = replace(
            snapshot(phase=phase),
            partners=tuple(p for p in snapshot().partners if p.kind != "residents"),
        )
        finding = only(rules.missing_partner_kinds(s))
        assert finding.subject == "residents"
        assert finding.severity == Severity.ATTENTION
        assert finding.title == "Er zitten geen inwoners aan tafel"
        assert "Handreiking §1.2.2" in finding.explanation
        assert finding.evidence[0] == "Geen van de 9 partners is van de soort 'inwoners'."


def test_missing_kinds_does_not_fire_with_every_kind_present():
    assert rules.missing_partner_kinds(snapshot()) == []


def test_missing_kinds_ignores_partners_who_left():
    s = with_partner(snapshot(), "Basisschool Oost", is_current=False)
    assert "Onderwijs" in only(rules.missing_partner_kinds(s)).evidence[0]


# form_does_not_fit_size


def test_form_fires_for_an_alliance_with_many_partners():
    many = tuple(partner(f"Partner {i}", roles=()) for i in range(16))
    finding = only(rules.form_does_not_fit_size(snapshot(form="alliance", partners=many)))
    assert finding.subject == "alliance-too-large"
    assert "met 16 partners (richtwaarde: hooguit 15)" in finding.evidence[0]


def test_form_fires_for_a_small_network_and_for_undecided_beyond_phase_two():
    small = snapshot(partners=snapshot().partners[:4])
    assert only(rules.form_does_not_fit_size(small)).subject == "network-too-small"
    undecided = snapshot(form="undecided", phase="establish")
    assert only(rules.form_does_not_fit_size(undecided)).subject == "undecided"


def test_form_does_not_fire_when_it_fits():
    assert rules.form_does_not_fit_size(snapshot()) == []
    assert rules.form_does_not_fit_size(snapshot(form="alliance")) == []  # 10 partners
    assert rules.form_does_not_fit_size(snapshot(form="undecided", phase="explore")) == []


# phase_stalls


def test_phase_stalls_fires_after_the_limit_of_the_phase():
    s = snapshot(phase="establish", start_date=datetime.date(2024, 1, 1))  # 34 months
    finding = only(rules.phase_stalls(s))
    assert finding.title == "Al 34 maanden in fase '3. Inrichten en markeren'"
    assert "(grens voor een bevinding: 18 maanden)" in finding.evidence[0]
    assert finding.guide == ("phases", "establish")


def test_phase_stalls_fires_when_the_checklist_stands_still():
    s = snapshot(
        phase="sustain",
        checklist=checklist({"sustain-anchor": "busy"}, updated_on=datetime.date(2025, 12, 1)),
    )
    finding = only(rules.phase_stalls(s))
    assert "laatst bijgewerkt op 1 december 2025" in finding.evidence[1]


def test_phase_stalls_does_not_fire_within_the_limit_or_while_the_checklist_moves():
    assert (
        rules.phase_stalls(snapshot(phase="establish", start_date=datetime.date(2026, 1, 1))) == []
    )
    moving = snapshot(
        phase="sustain",
        checklist=checklist({"sustain-anchor": "busy"}, updated_on=datetime.date(2026, 10, 1)),
    )
    assert rules.phase_stalls(moving) == []


def test_phase_stalls_magnitude_grows_per_half_year():
    early = snapshot(phase="establish", start_date=datetime.date(2025, 1, 1))
    later = replace(early, today=TODAY + datetime.timedelta(days=200))
    assert only(rules.phase_stalls(later)).magnitude > only(rules.phase_stalls(early)).magnitude


# no_evaluation_in_twelve_months


def test_no_evaluation_fires_after_a_year():
    s = snapshot(
        last_evaluation=EvaluationFact(datetime.date(2025, 6, 1), "scanronde 'Voorjaar 2025'")
    )
    finding = only(rules.no_evaluation_in_twelve_months(s))
    assert finding.severity == Severity.ATTENTION
    assert finding.evidence[0].startswith(
        "Laatste evaluatiemoment: scanronde 'Voorjaar 2025', op 1 juni 2025"
    )


def test_no_evaluation_is_urgent_when_there_never_was_one_in_two_years():
    finding = only(rules.no_evaluation_in_twelve_months(snapshot(last_evaluation=None)))
    assert finding.severity == Severity.URGENT
    assert "sinds de start op 10 januari 2022" in finding.evidence[0]


def test_no_evaluation_does_not_fire_for_a_young_coalition_or_a_recent_evaluation():
    young = snapshot(start_date=datetime.date(2026, 1, 1), last_evaluation=None)
    assert rules.no_evaluation_in_twelve_months(young) == []
    assert rules.no_evaluation_in_twelve_months(snapshot()) == []


def test_a_recorded_evaluation_counts_as_an_evaluation_moment():
    s = snapshot(last_evaluation=EvaluationFact(datetime.date(2026, 2, 1), "vastgelegde evaluatie"))
    assert rules.no_evaluation_in_twelve_months(s) == []
    old = snapshot(
        last_evaluation=EvaluationFact(datetime.date(2025, 2, 1), "vastgelegde evaluatie")
    )
    finding = only(rules.no_evaluation_in_twelve_months(old))
    assert "vastgelegde evaluatie" in finding.evidence[0]
    assert "een vastgelegde evaluatie" in finding.evidence[1]


# subsidy_ends_without_plan


def funding(funder: str = "Gemeente Oost", **fields) -> FundingFact:
    defaults = {
        "uuid": f"f-{funder}",
        "funder": funder,
        "kind": "municipal_subsidy",
        "amount": 25000.0,
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2027, 6, 30),
        "carries_activities": True,
        "has_continuity_plan": False,
    }
    defaults.update(fields)
    return FundingFact(**defaults)


def test_subsidy_ending_within_a_year_without_plan_fires_in_dutch():
    s = snapshot(
        funding=(
            funding(end_date=datetime.date(2027, 6, 30)),
            funding("Fonds Eenzaamheid", end_date=None, carries_activities=False),
        )
    )
    finding = only(rules.subsidy_ends_without_plan(s))
    assert finding.subject == "f-Gemeente Oost"
    assert finding.severity == Severity.ATTENTION
    assert finding.title == "Financiering van Gemeente Oost stopt op 30 juni 2027 zonder plan"
    assert finding.evidence[0] == (
        "Gemeente Oost (€ 25.000,00) loopt af op 30 juni 2027, over 219 dagen."
    )
    assert "Fonds Eenzaamheid" in finding.evidence[2]
    assert "§1.3" in finding.explanation
    assert finding.guide == ("dilemmas", "subsidy")


def test_subsidy_ending_within_ninety_days_is_urgent_and_grows():
    soon = only(
        rules.subsidy_ends_without_plan(
            snapshot(funding=(funding(end_date=TODAY + datetime.timedelta(days=90)),))
        )
    )
    later = only(
        rules.subsidy_ends_without_plan(
            snapshot(funding=(funding(end_date=TODAY + datetime.timedelta(days=300)),))
        )
    )
    assert soon.severity == Severity.URGENT
    assert later.severity == Severity.ATTENTION
    assert soon.magnitude > later.magnitude


def test_subsidy_rule_boundary_is_twelve_months_ahead():
    on_the_boundary = snapshot(funding=(funding(end_date=datetime.date(2027, 11, 23)),))
    assert len(rules.subsidy_ends_without_plan(on_the_boundary)) == 1
    past_the_boundary = snapshot(funding=(funding(end_date=datetime.date(2027, 11, 24)),))
    assert rules.subsidy_ends_without_plan(past_the_boundary) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"has_continuity_plan": True},
        {"carries_activities": False},
        {"end_date": None},
        {"end_date": datetime.date(2026, 11, 22)},  # already ended
    ],
)
def test_subsidy_rule_does_not_fire_with_a_plan_without_dependent_activities_or_end(changes):
    s = snapshot(funding=(funding(**{"end_date": datetime.date(2027, 1, 31), **changes}),))
    assert rules.subsidy_ends_without_plan(s) == []


def test_subsidy_rule_is_silent_for_a_stopped_coalition():
    s = snapshot(phase="stopped", funding=(funding(end_date=datetime.date(2027, 1, 31)),))
    assert rules.subsidy_ends_without_plan(s) == []


# ambition_not_shared


def test_ambition_fires_on_disagreement_or_a_low_mean():
    s = snapshot(
        scans={
            "conditions": scan("conditions", {"ambition": stat(3.4, sd=1.2, disagreement=True)}),
            "success_factors": scan("success_factors", {"shared_goal": stat(2.8)}),
        }
    )
    finding = only(rules.ambition_not_shared(s))
    assert finding.severity == Severity.ATTENTION
    assert len(finding.evidence) == 2
    assert (
        "gemiddeld 3,4 op een schaal van 1 tot 5, spreiding 1,2, 8 antwoorden"
        in finding.evidence[0]
    )
    assert "De antwoorden lopen sterk uiteen" in finding.evidence[0]
    assert finding.magnitude == round(1.2 + 0.2, 1)


def test_ambition_does_not_fire_on_a_good_score_or_too_few_answers():
    good = snapshot(scans={"conditions": scan("conditions", {"ambition": stat(3.8)})})
    assert rules.ambition_not_shared(good) == []
    two = snapshot(scans={"conditions": scan("conditions", {"ambition": stat(1.5, n=2)})})
    assert rules.ambition_not_shared(two) == []


def test_ambition_fires_when_none_is_recorded_after_phase_two():
    assert only(rules.ambition_not_shared(snapshot(ambition_chars=0))).subject == "not-recorded"
    assert rules.ambition_not_shared(snapshot(ambition_chars=0, phase="explore")) == []


# interests_not_honoured


def test_interests_fires_on_a_low_mean():
    s = snapshot(scans={"conditions": scan("conditions", {"interests": stat(2.4)})})
    finding = only(rules.interests_not_honoured(s))
    assert finding.severity == Severity.URGENT  # below 2.5
    assert "§3.3.2" in finding.explanation


def test_interests_fires_when_the_interests_of_most_close_partners_are_unknown():
    s = snapshot()
    for name in ("Welzijn Oost", "Gemeente Oost", "Buurtteam Oost", "Seniorenraad"):
        s = with_partner(s, name, has_deal_breakers=False, has_success_criteria=False)
    assert only(rules.interests_not_honoured(s)).subject == "unknown"


def test_interests_does_not_fire_on_a_good_score():
    s = snapshot(scans={"conditions": scan("conditions", {"interests": stat(3.5, sd=0.7)})})
    assert rules.interests_not_honoured(s) == []


# low_trust_among_core


def test_trust_fires_on_low_trust_among_core_respondents():
    s = snapshot(
        scans={
            "success_factors": scan(
                "success_factors", {"trust": stat(3.4)}, core={"trust": stat(2.7, n=4)}
            )
        }
    )
    finding = only(rules.low_trust_among_core(s))
    assert "alleen respondenten van kernpartners" in finding.evidence[0]
    assert finding.guide == ("success_factors", "trust")


def test_trust_fires_on_low_relations():
    s = snapshot(scans={"conditions": scan("conditions", {"relations": stat(2.9)})})
    assert only(rules.low_trust_among_core(s)).guide == ("conditions", "relations")


def test_trust_does_not_fire_when_the_core_trusts_each_other_even_if_others_do_not():
    s = snapshot(
        scans={
            "success_factors": scan(
                "success_factors", {"trust": stat(2.8)}, core={"trust": stat(3.6, n=3)}
            )
        }
    )
    assert rules.low_trust_among_core(s) == []


# under_or_over_organised


def test_organisation_fires_as_under_with_many_partners_and_no_structure():
    many = tuple(partner(f"Partner {i}") for i in range(16))
    s = snapshot(
        partners=many,
        legal_structure="none",
        scans={"conditions": scan("conditions", {"organisation": stat(2.7)})},
    )
    finding = only(rules.under_or_over_organised(s))
    assert (finding.subject, finding.title) == ("under", "Mogelijk onderorganisatie")


def test_organisation_fires_as_over_with_few_partners_and_a_foundation():
    s = snapshot(
        partners=snapshot().partners[:5],
        legal_structure="foundation",
        scans={"conditions": scan("conditions", {"organisation": stat(2.7)})},
    )
    assert only(rules.under_or_over_organised(s)).subject == "over"


def test_organisation_does_not_fire_when_partners_find_it_well_organised():
    s = snapshot(
        partners=snapshot().partners[:5],
        legal_structure="foundation",
        scans={"conditions": scan("conditions", {"organisation": stat(3.6)})},
    )
    assert rules.under_or_over_organised(s) == []


# unclear_process


def test_process_fires_on_disagreement_about_the_process():
    s = snapshot(
        scans={"conditions": scan("conditions", {"process": stat(3.2, sd=1.1, disagreement=True)})}
    )
    assert only(rules.unclear_process(s)).subject == "scan"


def test_process_fires_without_a_process_design_or_process_lead_from_phase_three():
    s = snapshot(phase="establish", checklist=checklist(updated_on=TODAY))
    s = with_partner(s, "Buurtteam Oost", roles=("signalling",))
    assert {f.subject for f in rules.unclear_process(s)} == {"no-design", "no-process-lead"}


def test_process_does_not_fire_in_phase_two_or_with_a_design_and_a_lead():
    assert rules.unclear_process(snapshot()) == []
    assert rules.unclear_process(snapshot(phase="explore", checklist=checklist())) == []


# municipality_many_hats


def test_hats_without_an_agreement_fire_at_three_roles():
    s = with_partner(snapshot(), "Gemeente Oost", roles=("commissioner", "funder", "process_lead"))
    s = with_partner(s, "Buurtteam Oost", roles=("signalling",))
    finding = only(rules.municipality_many_hats(s))
    assert finding.severity == Severity.ATTENTION
    assert finding.evidence == [
        "Gemeente Oost heeft 3 rollen tegelijk: opdrachtgever, financier en procesregie.",
        "Er is niet vastgelegd welke rol de gemeente in deze coalitie speelt.",
    ]
    assert "mediator" in finding.explanation
    assert "aanjager" in finding.explanation
    assert finding.guide == ("municipality_roles", "director")
    assert finding.link.endswith("/rol-gemeente/")


def test_hats_is_info_for_two_and_silent_for_one():
    two = with_partner(snapshot(), "Gemeente Oost", roles=("commissioner", "funder"))
    finding = only(rules.municipality_many_hats(two))
    assert (finding.severity, finding.guide[1]) == (Severity.INFO, "commissioner_funder")
    assert rules.municipality_many_hats(snapshot()) == []


def test_hats_that_were_agreed_are_not_flagged():
    s = with_partner(snapshot(), "Gemeente Oost", roles=("commissioner", "funder", "process_lead"))
    agreed = replace(s, municipality_roles=("commissioner_funder", "director"))
    assert rules.municipality_many_hats(agreed) == []


# netwerkdip


def dip(level: str) -> DipSignal:
    return DipSignal(level=level, evidence=["Energie gemiddeld 2,4."], explanation="Uitleg.")


def test_netwerkdip_watch_is_attention_and_warning_is_urgent():
    watch = only(rules.netwerkdip(snapshot(dip=dip("watch"))))
    warning = only(rules.netwerkdip(snapshot(dip=dip("warning"))))
    assert (watch.severity, warning.severity) == (Severity.ATTENTION, Severity.URGENT)
    assert warning.evidence == ["Energie gemiddeld 2,4."]
    assert warning.guide == ("phase_changes", "netwerkdip")
    assert warning.magnitude > watch.magnitude


def test_netwerkdip_does_not_fire_without_signals():
    assert rules.netwerkdip(snapshot(dip=dip("none"))) == []
    assert rules.netwerkdip(snapshot(dip=None)) == []


# All rules together


def troubled_snapshot():
    """A snapshot on which every rule fires at least once."""
    welfare = partner("Welzijn", circle="core", brings_chars=0, contacts=(contact("Jeroen"),))
    s = snapshot(
        phase="establish",
        form="alliance",
        legal_structure="none",
        ambition_chars=0,
        start_date=datetime.date(2023, 1, 1),
        checklist=checklist(),
        last_evaluation=None,
        partners=(
            partner(
                "Gemeente",
                kind="municipality",
                circle="core",
                roles=(
                    "process_lead",
                    "network_coordination",
                    "funder",
                    "commissioner",
                    "running_activities",
                ),
                contacts=(contact("Jeroen"),),
                has_deal_breakers=False,
                has_success_criteria=False,
            ),
            welfare,
            partner("Buurthuis", kind="welfare", circle="involved"),
            partner("Mevrouw Jansen", kind="residents", circle="core", resident_type="caring"),
            *(
                partner(f"Vereniging {i}", kind="associations", circle="informed")
                for i in range(15)
            ),
        ),
        events=(event(welfare, "new_director"),),
        scans={
            "success_factors": scan(
                "success_factors", {"size_and_diversity": stat(2.4), "competences": stat(2.8)}
            ),
            "pillars": scan(
                "pillars",
                {"involve_residents": stat(2.6)},
                items={"sustainable_depends_on_one": stat(2.0), "q06": stat(2.1)},
            ),
            "conditions": scan(
                "conditions",
                {
                    key: stat(2.2, sd=1.3, disagreement=True)
                    for key in ("ambition", "interests", "relations", "organisation", "process")
                },
            ),
        },
        dip=dip("warning"),
        funding=(funding("Gemeente", end_date=datetime.date(2027, 1, 31)),),
        wijken=with_shares(wijk("Noord", 19.6, 0), wijk("Zuid", 10.2, 4)),
        municipality_loneliness=AreaFigure("Dijkerveen", 2024, 12.8, 47.0),
    )
    return s


def test_every_rule_fires_on_the_troubled_snapshot_and_links_to_an_existing_guide_item():
    s = troubled_snapshot()
    for rule in rules.RULES:
        findings = rule(s)
        assert findings, rule.__name__
        for finding in findings:
            assert finding.rule == rule.__name__
            assert finding.evidence
            assert finding.explanation
            assert finding.next_step
            assert get_item(*finding.guide)
            assert finding.severity in Severity.values
            assert len(finding.subject) <= 64


def test_rules_speak_english_too():
    with translation.override("en"):
        findings = [f for rule in rules.RULES for f in rule(troubled_snapshot())]
    assert findings  # no crash on missing or mismatched placeholders

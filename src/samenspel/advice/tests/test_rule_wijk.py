"""The rule `high_loneliness_little_offer`: a wijk with high estimated loneliness and no or
little active offer."""

from dataclasses import replace

from django.utils import translation

from samenspel.advice import rules
from samenspel.advice.findings import Severity
from samenspel.advice.rules.wijken import NO_OFFER_WEIGHT
from samenspel.advice.snapshot import AreaFigure
from samenspel.advice.tests.builders import snapshot, wijk, with_shares

DIJKERVEEN = AreaFigure("Dijkerveen", 2024, 12.8, 47.0)


def findings(**fields):
    with translation.override("nl"):
        return rules.high_loneliness_little_offer(snapshot(**fields))


def test_a_wijk_above_the_municipality_without_any_activity_is_urgent_and_cites_the_numbers():
    noord = wijk("Noord", 19.6, 0, strongly_lonely_lower=16.8, strongly_lonely_upper=22.4)
    wijken = with_shares(noord, wijk("Zuid", 10.2, 4), wijk("Oost", 12.0, 2))
    [finding] = findings(wijken=wijken, municipality_loneliness=DIJKERVEEN)
    assert finding.subject == noord.uuid
    assert finding.severity == Severity.URGENT
    assert finding.title == "Veel eenzaamheid in Noord, weinig aanbod"
    assert "19,6% van de volwassenen in Noord ernstig eenzaam" in finding.evidence[0]
    assert "16,8–22,4" in finding.evidence[0]
    assert "12,8% in heel Dijkerveen" in finding.evidence[0]
    assert finding.evidence[1] == "Er is geen enkele actieve activiteit in Noord."
    assert finding.link.endswith(f"/wijken/aanbod-en-eenzaamheid/#wijk-{noord.uuid}")
    assert finding.link_text == "Bekijk aanbod en eenzaamheid per wijk"
    assert finding.guide == ("monitoring_questions", "q09")
    gap = next(w.gap for w in wijken if w.name == "Noord")
    assert finding.magnitude == round(gap, 1) + NO_OFFER_WEIGHT


def test_within_the_interval_it_is_attention_not_urgent():
    noord = wijk("Noord", 13.5, 0, strongly_lonely_lower=11.0)
    [finding] = findings(
        wijken=with_shares(noord, wijk("Zuid", 10.2, 4)), municipality_loneliness=DIJKERVEEN
    )
    assert finding.severity == Severity.ATTENTION


def test_a_thin_offer_fires_and_a_fair_share_does_not():
    # Noord: 40% of the loneliness, 1 of 10 activities (10%): less than half its share.
    thin = with_shares(wijk("Noord", 20.0, 1), wijk("Zuid", 15.0, 5), wijk("Oost", 15.0, 4))
    [finding] = findings(wijken=thin, municipality_loneliness=DIJKERVEEN)
    assert "1 actieve activiteit in Noord: 10,0% van het aanbod" in finding.evidence[1]
    assert finding.severity == Severity.ATTENTION
    fair = with_shares(wijk("Noord", 20.0, 3), wijk("Zuid", 15.0, 4), wijk("Oost", 15.0, 3))
    assert findings(wijken=fair, municipality_loneliness=DIJKERVEEN) == []


def test_a_wijk_below_the_municipality_does_not_fire_even_without_offer():
    wijken = with_shares(wijk("Noord", 12.0, 0), wijk("Zuid", 10.0, 3))
    assert findings(wijken=wijken, municipality_loneliness=DIJKERVEEN) == []


def test_without_a_municipality_figure_the_top_third_above_the_median_counts():
    wijken = with_shares(
        wijk("Noord", 20.0, 0), wijk("Zuid", 10.0, 2), wijk("Oost", 11.0, 2), wijk("West", 9.0, 0)
    )
    fired = findings(wijken=wijken)
    assert [f.title for f in fired] == ["Veel eenzaamheid in Noord, weinig aanbod"]
    assert "in het midden van de wijken van de coalitie" in fired[0].evidence[0]
    # Two wijken say too little to compare without the municipality.
    assert findings(wijken=with_shares(wijk("Noord", 20.0, 0), wijk("Zuid", 10.0, 2))) == []


def test_suppressed_figures_or_no_wijken_give_nothing_and_a_stopped_coalition_neither():
    suppressed = with_shares(wijk("Noord", None, 0), wijk("Zuid", 10.0, 2))
    assert findings(wijken=suppressed, municipality_loneliness=DIJKERVEEN) == []
    assert findings() == []
    wijken = with_shares(wijk("Noord", 19.6, 0), wijk("Zuid", 10.2, 4))
    assert findings(wijken=wijken, municipality_loneliness=DIJKERVEEN, phase="stopped") == []


def test_demo_values_are_marked_and_the_magnitude_grows_when_the_last_activity_stops():
    noord = wijk("Noord", 19.6, 1, is_demo=True)
    before = with_shares(noord, wijk("Zuid", 10.2, 9))
    [finding] = findings(wijken=before, municipality_loneliness=DIJKERVEEN)
    assert "demowaarden" in finding.evidence[-1]
    after = with_shares(replace(noord, activities=0), wijk("Zuid", 10.2, 9))
    [later] = findings(wijken=after, municipality_loneliness=DIJKERVEEN)
    assert later.magnitude > finding.magnitude

"""Results of scan rounds: numbers computed by hand, anonymity rules, comparison, trend, pages."""

import dataclasses
import datetime
import math
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans import instruments, scoring
from samenspel.scans.charts import distribution_chart, mean_chart, trend_chart
from samenspel.scans.instruments import get_instrument
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus
from samenspel.scans.results import (
    OTHER_GROUP,
    SubscaleResult,
    Trend,
    TrendPoint,
    latest_results,
    round_results,
    safe_breakdown,
    trend,
)

pytestmark = pytest.mark.django_db


def make_round(
    coalition,
    key="pulse",
    *,
    title="Voorjaar 2026",
    anonymous=True,
    status=RoundStatus.CLOSED,
    closes_on=datetime.date(2026, 3, 31),
    version=None,
):
    return Round.objects.create(
        coalition=coalition,
        instrument_key=key,
        instrument_version=version or get_instrument(key).version,
        title=title,
        anonymous=anonymous,
        closes_on=closes_on,
        status=status,
    )


def answer(scan_round, answers, *, kind="welfare", circle="core", draft=False, version=None):
    return Response.objects.create(
        round=scan_round,
        instrument_version=version or scan_round.instrument_version,
        partner_kind=kind,
        circle=circle,
        status=ResponseStatus.DRAFT if draft else ResponseStatus.SUBMITTED,
        submitted_on=None if draft else scan_round.closes_on,
        answers=answers,
    )


def pulse(energy_now, energy_own, attendance, delivery):
    return {
        "energy_now": energy_now,
        "energy_own": energy_own,
        "attendance_meetings": attendance,
        "delivery_agreements": delivery,
    }


def invite(scan_round, count):
    partner = PartnerFactory(coalition=scan_round.coalition)
    Respondent.objects.bulk_create(
        Respondent(round=scan_round, partner=partner, name=f"R{i}", email=f"r{i}@example.nl")
        for i in range(count)
    )


@pytest.fixture
def spring(coalition):
    """Three submitted pulse answers, one draft; five invited."""
    scan_round = make_round(coalition)
    invite(scan_round, 5)
    answer(scan_round, pulse(2, 4, 1, None))  # energy 3.0
    answer(scan_round, pulse(4, 4, 3, 4))  # energy 4.0
    answer(scan_round, pulse(5, 5, 5, 4))  # energy 5.0
    answer(scan_round, pulse(1, 1, 1, 1), draft=True)  # never counted
    return scan_round


def results_url(scan_round):
    return reverse("scans:results", args=[scan_round.coalition.uuid, scan_round.uuid])


# The numbers


def test_means_and_spread_are_computed_from_submitted_answers_only(spring):
    results = round_results(spring)
    assert (results.submitted, results.invited, results.enough) == (3, 5, True)
    energy = results.subscale("energy").aggregate
    assert energy.n == 3
    assert energy.mean == pytest.approx(4.0)
    assert energy.sd == pytest.approx(math.sqrt(2 / 3))  # (1 + 0 + 1) / 3
    attendance = results.subscale("attendance").aggregate
    assert attendance.mean == pytest.approx(3.0)
    assert attendance.sd == pytest.approx(math.sqrt(8 / 3))  # 1, 3, 5
    assert attendance.disagreement  # sd ≥ 1
    assert results.disagreements == [results.subscale("attendance")]
    # 'Weet ik niet' is no score: delivery has two.
    delivery = results.subscale("delivery")
    assert (delivery.aggregate.n, delivery.aggregate.mean, delivery.aggregate.sd) == (2, 4.0, 0.0)
    assert delivery.items[0].dont_know == 1
    # Per item: energy_now 2, 4, 5.
    energy_now = results.subscale("energy").items[0]
    assert energy_now.item.key == "energy_now"
    assert energy_now.aggregate.mean == pytest.approx(11 / 3)


def test_reverse_worded_items_are_mirrored(coalition):
    scan_round = make_round(coalition, "conditions", anonymous=False)
    instrument = get_instrument("conditions")
    ambition = instrument.items_of("ambition")
    reverse = next(item for item in ambition if item.reverse)
    answers = {item.key: 4 for item in ambition if not item.reverse} | {reverse.key: 2}
    answer(scan_round, answers)
    result = round_results(scan_round).subscale("ambition")
    assert result.aggregate.mean == pytest.approx(4.0)  # 2 on a reverse item scores 4
    reverse_item = next(r for r in result.items if r.item.key == reverse.key)
    assert reverse_item.aggregate.mean == pytest.approx(4.0)
    # Subscales nobody answered have no score, and the page copes with that.
    assert round_results(scan_round).subscale("process").aggregate is None


@pytest.fixture
def pulse_v2(monkeypatch):
    """A second version of the pulse check that replaced 'energy_own' with 'energy_team'."""
    v1 = get_instrument("pulse", 1)
    items = tuple(
        dataclasses.replace(item, key="energy_team") if item.key == "energy_own" else item
        for item in v1.items
    )
    v2 = dataclasses.replace(v1, version=2, items=items)
    registry = {**instruments._registry(), "pulse": {1: v1, 2: v2}}
    monkeypatch.setattr(instruments, "_registry", lambda: registry)
    return v2


def test_each_response_is_scored_with_its_own_instrument_version(coalition, pulse_v2):
    scan_round = make_round(coalition, version=2)
    answer(scan_round, pulse(2, 4, 3, 3), version=1)  # v1: energy (2 + 4) / 2 = 3
    answer(scan_round, {"energy_now": 4, "energy_team": 4, **_rest(3)})
    answer(scan_round, {"energy_now": 4, "energy_team": 4, **_rest(3)})
    results = round_results(scan_round)
    assert results.submitted == 3
    assert results.unscored == 0
    # Scored with v2, the old answer would count only energy_now (2): mean 10/3.
    assert results.subscale("energy").aggregate.mean == pytest.approx(11 / 3)
    assert [item.item.key for item in results.subscale("energy").items] == [
        "energy_now",
        "energy_team",
    ]


def _rest(value):
    return {"attendance_meetings": value, "delivery_agreements": value}


def test_an_unknown_version_is_left_out_not_a_crash(coalition):
    scan_round = make_round(coalition, anonymous=False)
    answer(scan_round, pulse(4, 4, 4, 4))
    answer(scan_round, pulse(1, 1, 1, 1), version=99)
    results = round_results(scan_round)
    assert (results.submitted, results.unscored) == (2, 1)
    assert results.subscale("energy").aggregate.mean == 4.0


# Anonymity


def test_an_anonymous_round_with_fewer_than_three_answers_shows_nothing(coalition):
    scan_round = make_round(coalition)
    answer(scan_round, pulse(1, 1, 1, 1))
    answer(scan_round, pulse(5, 5, 5, 5))
    answer(scan_round, pulse(3, 3, 3, 3), draft=True)  # a draft does not help
    results = round_results(scan_round)
    assert not results.enough
    assert results.subscales == ()
    assert results.missing_for_anonymity == 1


def test_the_page_says_too_few_answers_for_a_small_anonymous_round(coalition, reader_client):
    scan_round = make_round(coalition)
    answer(scan_round, pulse(1, 1, 2, 2))
    answer(scan_round, pulse(5, 5, 4, 4))
    response = reader_client.get(results_url(scan_round))
    html = response.content.decode()
    assert response.status_code == 200
    assert "te weinig antwoorden om anoniem te tonen" in html
    assert "Gemiddelde en spreiding" not in html
    assert "Download als PDF" not in html


def test_a_named_round_shows_results_from_one_answer(coalition):
    scan_round = make_round(coalition, anonymous=False)
    answer(scan_round, pulse(4, 4, 4, 4))
    assert round_results(scan_round).enough


def test_breakdown_folds_small_groups_into_other(coalition):
    scan_round = make_round(coalition, anonymous=False)
    for kind, circle, value in [
        ("welfare", "core", 4),
        ("welfare", "core", 4),
        ("welfare", "core", 5),
        ("libraries_culture", "core", 2),
        ("libraries_culture", "active", 2),
        ("municipality", "active", 3),
    ]:
        answer(scan_round, pulse(value, value, value, value), kind=kind, circle=circle)
    energy = round_results(scan_round).subscale("energy")
    by_kind = {group.key: group for group in energy.by_kind}
    assert list(by_kind) == ["welfare", OTHER_GROUP]
    assert by_kind["welfare"].aggregate.n == 3
    assert by_kind[OTHER_GROUP].aggregate.n == 3  # library 2 + municipality 1
    assert by_kind[OTHER_GROUP].label.startswith("Overig")
    # Circles: core 4, active 2. Dropping 'active' would let anyone subtract it from the total,
    # so core is folded in as well: only the whole remains.
    assert [(g.key, g.aggregate.n) for g in energy.by_circle] == [(OTHER_GROUP, 6)]
    for groups in (energy.by_kind, energy.by_circle):
        assert all(group.aggregate.n >= 3 for group in groups)
        assert sum(group.aggregate.n for group in groups) == 6


def test_safe_breakdown_never_shows_a_small_group_or_hides_a_recoverable_one():
    scale = get_instrument("pulse").scale
    result = safe_breakdown({"a": [4, 4, 4, 4], "b": [1], "c": [2.0, 3.0, 3.0]}, scale)
    # b alone is dropped by scoring.breakdown; the smallest shown group (c) joins it.
    assert {key: agg.n for key, agg in result.items()} == {"a": 4, OTHER_GROUP: 4}
    assert safe_breakdown({"a": [1, 2]}, scale) == {}
    # The real partner kind 'other' ("Anders") keeps its own row when it is big enough.
    result = safe_breakdown({"other": [3, 3, 3], "welfare": [4, 4, 4]}, scale)
    assert set(result) == {"other", "welfare"}


def test_the_page_shows_breakdowns_and_no_small_group(coalition, reader_client):
    scan_round = make_round(coalition)
    for kind in ["welfare"] * 4 + ["associations"] * 3 + ["education"]:
        answer(scan_round, pulse(4, 4, 4, 4), kind=kind)
    html = reader_client.get(results_url(scan_round)).content.decode()
    assert "Welzijnsorganisatie" in html
    assert "Overig (kleine groepen samen)" in html
    assert "Onderwijs" not in html  # a group of one is never named
    # ... nor recoverable: the next smallest group joined it in 'Overig'.
    assert "Verenigingen" not in html


# Comparison with the previous round


def test_results_are_compared_with_the_previous_closed_round(coalition, spring, reader_client):
    autumn = make_round(coalition, title="Najaar 2025", closes_on=datetime.date(2025, 10, 31))
    for value in (3, 3, 3):
        answer(autumn, pulse(value, value, 4, 4))
    # Not comparable: an anonymous round with too few answers, an open round, another
    # instrument, another coalition.
    small = make_round(coalition, title="Te klein", closes_on=datetime.date(2025, 12, 31))
    answer(small, pulse(1, 1, 1, 1))
    make_round(
        coalition, title="Open", status=RoundStatus.OPEN, closes_on=datetime.date(2026, 1, 31)
    )
    other_instrument = make_round(
        coalition, "success_factors", title="Ander", closes_on=datetime.date(2026, 2, 1)
    )
    for _ in range(3):
        answer(other_instrument, {})
    elsewhere = make_round(MembershipFactory().coalition, closes_on=datetime.date(2026, 2, 2))
    for _ in range(3):
        answer(elsewhere, pulse(1, 1, 1, 1))

    results = round_results(spring)
    assert results.previous_round == autumn
    energy = results.subscale("energy")
    assert energy.previous.mean == 3.0
    assert energy.delta == pytest.approx(1.0)
    assert (energy.direction, energy.delta_label) == ("up", "+1,0")
    attendance = results.subscale("attendance")
    assert (attendance.direction, attendance.delta_label) == ("down", "−1,0")

    html = reader_client.get(results_url(spring)).content.decode()
    assert "Najaar 2025" in html
    assert "▲" in html
    assert "+1,0" in html
    assert "▼" in html
    assert "gedaald" in html


def test_without_a_previous_round_there_is_no_comparison(spring):
    results = round_results(spring)
    assert results.previous_round is None
    assert results.subscale("energy").direction == ""


# The page


def test_results_page_shows_numbers_disagreement_and_guide_links(spring, coalition, reader_client):
    response = reader_client.get(results_url(spring))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 van 5 uitgenodigden gaven antwoord" in html
    assert "4,0" in html  # energy mean, Dutch notation
    assert "Verdeeldheid" in html
    assert "§3.3.1" in html
    assert reverse("guide:item", args=["phase_changes", "netwerkdip"]) in html
    # Charts: an accessible SVG with its numbers beside it, coordinates without decimal commas.
    assert 'role="img"' in html
    assert "<desc" in html
    assert "<table" in html
    assert 'viewBox="0 0 640 ' in html
    assert "<script" not in html.split("</head>")[1]
    assert reverse("scans:results_pdf", args=[coalition.uuid, spring.uuid]) in html


def test_chart_coordinates_are_never_localised(spring, reader_client):
    html = reader_client.get(results_url(spring)).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    for attribute in re.findall(r' (?:x|y|width|height|x1|x2|y1|y2)="([^"]*)"', svg):
        assert "," not in attribute


def test_an_open_round_is_marked_provisional(coalition, reader_client):
    scan_round = make_round(coalition, status=RoundStatus.OPEN)
    for _ in range(3):
        answer(scan_round, pulse(3, 3, 3, 3))
    html = reader_client.get(results_url(scan_round)).content.decode()
    assert "voorlopig" in html


def test_results_page_reads_the_same_number_of_queries_for_3_and_30_answers(
    coalition, reader_client
):
    def count_for(title, n):
        scan_round = make_round(coalition, title=title)
        invite(scan_round, n)
        previous = make_round(
            coalition, title=f"{title} eerder", closes_on=datetime.date(2025, 1, 1)
        )
        for i in range(n):
            value = 1 + i % 5
            answer(
                scan_round, pulse(value, 5 - i % 5, 3, value), kind=["welfare", "education"][i % 2]
            )
            answer(previous, pulse(3, 3, 3, 3))
        with CaptureQueriesContext(connection) as queries:
            response = reader_client.get(results_url(scan_round))
        assert response.status_code == 200
        return len(queries)

    small = count_for("Klein", 3)
    Round.objects.all().delete()
    assert count_for("Groot", 30) == small


# Access


def test_an_outsider_gets_404_and_a_read_only_member_may_see_aggregates(spring, reader_client):
    outsider = client_for(MembershipFactory(coordinator=True).user)
    for name in ("scans:results", "scans:results_pdf"):
        url = reverse(name, args=[spring.coalition.uuid, spring.uuid])
        assert outsider.get(url).status_code == 404
    assert reader_client.get(results_url(spring)).status_code == 200


def test_a_round_of_another_coalition_is_not_found_through_mine(coalition, reader_client):
    other = make_round(MembershipFactory().coalition)
    url = reverse("scans:results", args=[coalition.uuid, other.uuid])
    assert reader_client.get(url).status_code == 404


def test_partner_members_may_see_aggregates(spring, coalition):
    client = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)
    assert client.get(results_url(spring)).status_code == 200


# Trend


def test_trend_lists_closed_rounds_oldest_first(coalition, spring):
    autumn = make_round(coalition, title="Najaar 2025", closes_on=datetime.date(2025, 10, 31))
    for value in (2, 3, 4):
        answer(autumn, pulse(value, value, value, value))
    small = make_round(coalition, title="Te klein", closes_on=datetime.date(2025, 12, 31))
    answer(small, pulse(1, 1, 1, 1))
    make_round(coalition, title="Nog open", status=RoundStatus.OPEN)

    found = trend(coalition, "pulse")
    assert [p.round.title for p in found.points] == ["Najaar 2025", "Te klein", "Voorjaar 2026"]
    assert [(r.title, mean, n) for r, mean, n in found.series("energy")] == [
        ("Najaar 2025", 3.0, 3),
        ("Te klein", None, 0),  # too few to show: a gap
        ("Voorjaar 2026", 4.0, 3),
    ]
    with pytest.raises(KeyError):
        trend(coalition, "unknown")


def test_trend_page_draws_a_line_per_subscale_with_a_table(coalition, spring, reader_client):
    autumn = make_round(coalition, title="Najaar 2025", closes_on=datetime.date(2025, 10, 31))
    for value in (2, 3, 4):
        answer(autumn, pulse(value, value, value, value))
    url = reverse("scans:trend", args=[coalition.uuid, "pulse"])
    response = reader_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<polyline") == 3  # energy, attendance, delivery
    assert "Najaar 2025" in html
    assert "Voorjaar 2026" in html
    assert 'role="img"' in html
    assert "Gemiddelde" in html
    assert (
        reader_client.get(reverse("scans:trend", args=[coalition.uuid, "onbekend"])).status_code
        == 404
    )


def test_trend_page_without_rounds(coalition, reader_client):
    response = reader_client.get(reverse("scans:trend", args=[coalition.uuid, "conditions"]))
    assert response.status_code == 200
    assert "nog geen gesloten ronde" in response.content.decode()


# Latest results and the health overview


def test_latest_results_per_instrument(coalition, spring):
    autumn = make_round(coalition, title="Najaar 2025", closes_on=datetime.date(2025, 10, 31))
    for value in (3, 3, 3):
        answer(autumn, pulse(value, value, value, value))
    make_round(coalition, title="Later maar leeg", closes_on=datetime.date(2026, 5, 1))
    latest = latest_results(coalition)
    assert list(latest) == ["pulse"]
    assert latest["pulse"].round == spring
    assert latest["pulse"].previous_round == autumn
    assert latest["pulse"].invited == 5
    assert latest["pulse"].subscale("energy").delta == pytest.approx(1.0)


def test_latest_results_take_a_fixed_number_of_queries(
    coalition, spring, django_assert_num_queries
):
    with django_assert_num_queries(2):
        latest_results(coalition)


def test_health_page_shows_cards_and_the_netwerkdip(coalition, spring, reader_client):
    response = reader_client.get(reverse("scans:health", args=[coalition.uuid]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Netwerkdip" in html
    assert "Pulscheck" in html
    assert "Voorjaar 2026" in html
    assert reverse("scans:results", args=[coalition.uuid, spring.uuid]) in html
    assert reverse("scans:trend", args=[coalition.uuid, "pulse"]) in html
    assert reverse("scans:rounds", args=[coalition.uuid]) in html
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(reverse("scans:health", args=[coalition.uuid])).status_code == 404
    assert outsider.get(reverse("scans:trend", args=[coalition.uuid, "pulse"])).status_code == 404


# Chart geometry


def _subscale_result(key, values):
    instrument = get_instrument("pulse")
    return SubscaleResult(
        subscale=instrument.subscale(key),
        aggregate=scoring.aggregate(values, instrument.scale) if values else None,
    )


def test_mean_chart_draws_the_mean_and_clamps_the_spread_to_the_scale():
    scale = get_instrument("pulse").scale
    chart = mean_chart(
        [
            _subscale_result("energy", [3, 3, 3]),
            _subscale_result("attendance", [1, 5, 5]),
            _subscale_result("delivery", []),
        ],
        scale,
        chart_id="t",
        title="T",
    )
    energy, attendance, delivery = chart.rows
    plot = chart.right - chart.left
    assert energy.bar_width == pytest.approx(plot / 2, abs=0.1)  # 3 is halfway 1–5
    assert energy.whisker_left == energy.whisker_right  # sd 0
    assert attendance.whisker_right == chart.right  # 3.7 + 1.9 is clamped at 5
    assert attendance.flagged
    assert attendance.label == "Opkomst"
    assert (delivery.has_score, delivery.value_label) == (False, "geen score")
    assert "Hoogste: Opkomst (3,7). Laagste: Energie (3,0)." in chart.description
    assert "Verdeeld (gearceerd): Opkomst." in chart.description
    assert [tick.label for tick in chart.ticks] == ["1", "2", "3", "4", "5"]


def test_distribution_chart_segments_add_up_to_the_bar():
    chart = distribution_chart(
        [_subscale_result("energy", [1, 2, 2, 5])],
        get_instrument("pulse").scale,
        chart_id="v",
        title="V",
    )
    (row,) = chart.rows
    assert [s.count for s in row.segments] == [1, 2, 1]
    assert sum(s.width for s in row.segments) == pytest.approx(chart.bar_width, abs=0.2)
    assert row.counts == [(1, "25%"), (2, "50%"), (0, "0%"), (0, "0%"), (1, "25%")]
    # Every point has its own pattern as well as its own colour.
    assert len({entry.pattern for entry in chart.legend}) == 5
    assert row.segments[0].pattern_id == "v-punt-1"


def test_trend_chart_breaks_the_line_at_a_gap_and_thins_out_labels():
    instrument = get_instrument("pulse")
    points = []
    for i in range(8):
        scan_round = Round(title=f"Ronde {i}", closes_on=datetime.date(2025, 1 + i, 1))
        gap = i == 2
        points.append(
            TrendPoint(
                round=scan_round,
                submitted=0 if gap else 3,
                enough=not gap,
                means={} if gap else {"energy": 3.0, "attendance": None, "delivery": 4.0},
                ns={} if gap else {"energy": 3, "attendance": 0, "delivery": 3},
            )
        )
    chart = trend_chart(Trend(instrument, tuple(points)), chart_id="x", title="X")
    energy = chart.series[0]
    assert len(energy.lines) == 2  # rounds 0–1, then 3–7
    assert len(energy.markers) == 7
    assert chart.series[1].lines == []  # attendance never scored
    assert len({(s.dash, s.shape) for s in chart.series}) == 3  # not colour alone
    labelled = [tick.label for tick in chart.x_ticks if tick.label]
    assert labelled == ["Ronde 0", "Ronde 2", "Ronde 4", "Ronde 6", "Ronde 7"]
    assert chart.table[2].enough is False
    assert chart.table[0].means == ["3,0", "–", "4,0"]

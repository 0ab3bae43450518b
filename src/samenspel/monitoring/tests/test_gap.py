"""The gap view: figures next to the offer per wijk, the score and its order, the wijken without
figures, the whole-municipality line, and a number of queries that does not grow."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.monitoring import gap, services
from samenspel.monitoring.gap import build_gap
from samenspel.monitoring.tests.factories import activity, estimate, wijk
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)
RECENT = datetime.date(2026, 10, 31)
LONG_AGO = datetime.date(2025, 10, 31)


@pytest.fixture
def coalition():
    return CoalitionFactory(municipality=MunicipalityFactory(code="GM9901", name="Dijkerveen"))


@pytest.fixture
def town(coalition):
    """Noord: high loneliness, one activity; Zuid: lower, three activities; Oost: suppressed;
    Oudedijk: a kern without a code; one activity for the whole municipality."""
    welzijn = PartnerFactory(coalition=coalition, name="Welzijn Dijkerveen")
    bieb = PartnerFactory(coalition=coalition, name="Bibliotheek")
    estimate("GM9901", "12.8", lonely="47.1")
    estimate("WK990101", "20.0", lonely="55.0")
    estimate("WK990101", "15.0", period=2020)  # older: not used
    estimate("WK990102", "10.0")
    estimate("WK990103", None)
    noord = wijk(coalition, "Noord", "WK990101")
    zuid = wijk(coalition, "Zuid", "WK990102")
    oost = wijk(coalition, "Oost", "WK990103")
    oudedijk = wijk(coalition, "Oudedijk")
    activity(
        coalition,
        noord,
        capacity=12,
        providers=[welzijn],
        reach=((RECENT, 4, 6), (LONG_AGO, 50, 50)),
    )
    activity(coalition, noord, status="ended", capacity=99, reach=((RECENT, 1, 1),))
    activity(coalition, zuid, capacity=10, providers=[welzijn, bieb])
    activity(coalition, zuid, capacity=None, providers=[bieb])
    activity(coalition, zuid, capacity=8)
    activity(coalition, oudedijk, capacity=5)
    activity(coalition, None, capacity=30, providers=[bieb], reach=((RECENT, 7, 3),))
    return {"noord": noord, "zuid": zuid, "oost": oost, "oudedijk": oudedijk}


def test_the_wijken_are_scored_and_sorted_with_the_largest_gap_first(coalition, town):
    gap = build_gap(coalition, TODAY)
    assert [row.neighbourhood.name for row in gap.rows] == ["Noord", "Zuid"]
    noord, zuid = gap.rows
    # need: 20 / 30 and 10 / 30; offer: 1 of 4 and 3 of 4 active activities in these wijken
    assert (noord.need_share, noord.offer_share, noord.gap) == (66.7, 25.0, 41.7)
    assert (zuid.need_share, zuid.offer_share, zuid.gap) == (33.3, 75.0, -41.7)
    assert noord.estimate.period == 2022
    assert noord.strongly_lonely.value == 20
    assert noord.strongly_lonely.lower == 18
    assert noord.offer.activities == 1
    assert noord.offer.capacity == 12
    assert (
        noord.offer.reach == 10 + 2
    )  # the ended activity's recent reach counts, the old period not
    assert [name for _uuid, name in noord.offer.partners] == ["Welzijn Dijkerveen"]
    assert (zuid.offer.activities, zuid.offer.capacity, zuid.offer.without_capacity) == (3, 18, 1)
    assert [name for _uuid, name in zuid.offer.partners] == ["Bibliotheek", "Welzijn Dijkerveen"]


def test_wijken_without_figures_come_last_with_the_reason(coalition, town):
    gap = build_gap(coalition, TODAY)
    reasons = {row.neighbourhood.name: row.reason for row in gap.without_figures}
    assert set(reasons) == {"Oost", "Oudedijk"}
    assert "geen schatting van ernstige eenzaamheid" in reasons["Oost"]
    assert "Geen CBS-code" in reasons["Oudedijk"]
    oudedijk = next(row for row in gap.without_figures if row.neighbourhood.name == "Oudedijk")
    assert oudedijk.offer.activities == 1
    assert oudedijk.gap is None


def test_the_whole_municipality_is_a_separate_line(coalition, town):
    gap = build_gap(coalition, TODAY)
    assert gap.whole_municipality.activities == 1
    assert gap.whole_municipality.capacity == 30
    assert gap.whole_municipality.reach == 10
    assert [name for _uuid, name in gap.whole_municipality.partners] == ["Bibliotheek"]
    assert gap.municipality.strongly_lonely == Decimal("12.8")


def test_without_any_offer_the_gap_is_the_need_share(coalition):
    estimate("WK990101", "18.0")
    estimate("WK990102", "6.0")
    wijk(coalition, "Noord", "WK990101")
    wijk(coalition, "Zuid", "WK990102")
    gap = build_gap(coalition, TODAY)
    assert [(row.neighbourhood.name, row.gap) for row in gap.rows] == [
        ("Noord", 75.0),
        ("Zuid", 25.0),
    ]


def test_other_coalitions_activities_do_not_count(coalition, town):
    other = CoalitionFactory(municipality=coalition.municipality)
    elsewhere = wijk(other, "Noord", "WK990101")
    activity(other, elsewhere, capacity=100)
    activity(other, None, capacity=100)
    gap = build_gap(coalition, TODAY)
    assert gap.rows[0].offer.capacity == 12
    assert gap.whole_municipality.capacity == 30


def grow(coalition, n, start=10):
    partners = [PartnerFactory(coalition=coalition) for _ in range(3)]
    for i in range(n):
        code = f"WK9901{i + start:02d}"
        estimate(code, f"{8 + i % 9}.5")
        place = wijk(coalition, f"Wijk {i}", code)
        for j in range(3):
            activity(coalition, place, providers=partners[j % 3 :], reach=((RECENT, 2, 3),))
    for _ in range(n):
        activity(coalition, None, providers=partners[:1], reach=((RECENT, 1, 1),))


def count_queries(coalition):
    with CaptureQueriesContext(connection) as context:
        build_gap(coalition, TODAY)
    return len(context.captured_queries)


def test_the_number_of_queries_does_not_grow_with_wijken_and_activities(coalition):
    small = CoalitionFactory(municipality=coalition.municipality)
    grow(small, 2, start=80)
    grow(coalition, 12)
    assert count_queries(small) == count_queries(coalition) == 5


def test_the_page_shows_table_chart_and_the_numbers(coalition, town):
    member = MembershipFactory(coalition=coalition, partner_member=True)
    client = client_for(member.user)
    url = reverse("monitoring:gap", args=[coalition.uuid])
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html
    assert "<desc" in html
    assert html.index("Noord") < html.index("Zuid") < html.index("Oudedijk")
    assert "20,0%" in html
    assert "(18,0–22,0)" in html
    assert "+41,7" in html
    assert "eenzaamheid 66,7%" in html  # the chart's labels in Dutch too
    assert "Hele gemeente (geen wijk)" in html
    assert "Geen CBS-code" in html
    grow(coalition, 10)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


@pytest.fixture
def analysis_cache(settings):
    """A real analysis cache (the tests otherwise use a dummy one)."""
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "gap-test",
        },
    }


def test_the_gap_is_kept_until_the_coalitions_data_changes(
    coalition, town, analysis_cache, monkeypatch
):
    built = []
    monkeypatch.setattr(gap, "build_gap", lambda c, day: built.append(day) or build_gap(c, day))
    first = gap.gap_of(coalition, TODAY)
    assert gap.gap_of(coalition, TODAY).all_rows == first.all_rows
    assert len(built) == 1
    services.create_neighbourhood(coalition, acting_user=UserFactory(), name="West")
    assert "West" in [row.neighbourhood.name for row in gap.gap_of(coalition, TODAY).all_rows]
    gap.gap_of(coalition, TODAY + datetime.timedelta(days=1))  # a new day: reach since moves
    assert len(built) == 3

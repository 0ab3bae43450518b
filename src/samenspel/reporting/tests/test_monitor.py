"""The monitor: indicators per pillar from the coalition's own data, the eleven questions, the
coalition's comments and the advisor's note."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities.models import Finder
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.funding.models import FundingSource
from samenspel.monitoring.tests.factories import activity
from samenspel.partners.models import Circle, PartnerKind
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.reporting import services
from samenspel.reporting.models import AdvisorNote, IndicatorNote
from samenspel.reporting.monitor import build_monitor, monitor_of
from samenspel.signals.figures import coalition_figures
from samenspel.signals.tests.factories import SignalFactory
from samenspel.signals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    caches["analysis"].clear()
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost", start_date=datetime.date(2024, 1, 1))


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def advisor(coalition):
    return MembershipFactory(coalition=coalition, advisor=True).user


def funding(coalition, amount, start, end):
    return FundingSource.objects.create(
        coalition=coalition,
        kind="subsidy",
        funder_name="Fonds",
        amount=Decimal(amount),
        start_date=start,
        end_date=end,
    )


def values(coalition):
    return {i.key: i for i in build_monitor(coalition, TODAY).indicators}


def test_partner_counts_compare_today_with_a_year_ago(coalition):
    PartnerFactory(coalition=coalition, joined_on=datetime.date(2024, 2, 1), circle=Circle.CORE)
    PartnerFactory(coalition=coalition, joined_on=datetime.date(2026, 3, 1))
    PartnerFactory(
        coalition=coalition,
        joined_on=datetime.date(2024, 2, 1),
        left_on=datetime.date(2026, 6, 1),
        kind=PartnerKind.RESIDENTS,
    )
    found = values(coalition)
    assert (found["partners"].value, found["partners"].previous) == (2, 2)
    assert found["partners"].trend == "same"
    assert (found["core_partners"].value, found["core_partners"].previous) == (1, 1)
    assert (found["resident_partners"].value, found["resident_partners"].previous) == (0, 1)
    assert found["resident_partners"].trend == "down"
    assert found["partners"].source == "Partners en kringen"


def test_reach_counts_the_last_twelve_months_against_the_twelve_before(coalition):
    activity(
        coalition,
        None,
        reach=(
            (datetime.date(2026, 10, 31), 5, 10),  # this year
            (datetime.date(2025, 11, 24), 1, 0),  # first day of this year's window
            (datetime.date(2025, 11, 23), 2, 2),  # last day of the year before
            (datetime.date(2023, 1, 31), 50, 50),  # older: in neither
        ),
    )
    reach = values(coalition)["reach"]
    assert (reach.value, reach.previous, reach.trend) == (16, 4, "up")
    assert reach.period == "24 november 2025 tot en met 23 november 2026"
    assert values(coalition)["active_activities"].value == 1


def test_money_running_now_and_a_year_ago_and_what_ends_within_a_year(coalition):
    funding(coalition, "10000", datetime.date(2025, 1, 1), datetime.date(2027, 3, 31))
    funding(coalition, "2500", datetime.date(2026, 1, 1), None)
    funding(coalition, "4000", datetime.date(2024, 1, 1), datetime.date(2025, 6, 30))
    found = values(coalition)
    assert (found["funding_running"].value, found["funding_running"].previous) == (12500, 10000)
    assert found["funding_running"].display == "€ 12.500"
    assert found["funding_ending"].value == 10000


def test_without_data_the_indicator_says_so_instead_of_zero(coalition):
    found = values(coalition)
    assert found["days_since_evaluation"].value is None
    assert found["days_since_evaluation"].display == "geen gegevens"
    assert found["scan_strong_network"].value is None
    assert found["scan_strong_network"].trend == ""
    assert found["days_in_phase"].value == (TODAY - datetime.date(2024, 1, 1)).days


def test_every_pillar_has_indicators_and_every_question_an_answer(coalition):
    Finder.objects.create(coalition=coalition, slug="oost", is_published=True, title="Aanbod")
    monitor = build_monitor(coalition, TODAY)
    pillars = {i.pillar for i in monitor.indicators}
    assert len(pillars) == 5
    assert [q.key for q in monitor.questions] == [f"q{n:02}" for n in range(1, 12)]
    q03 = monitor.questions[2]
    assert [(e.label, e.value) for e in q03.evidence] == [
        ("Openbaar overzicht van het aanbod", "ja")
    ]
    assert all(q.scan is None for q in monitor.questions)  # no scan round yet


def test_the_monitor_is_recomputed_when_the_data_change(
    coalition, coordinator, settings, django_assert_num_queries
):
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    first = monitor_of(coalition)
    with django_assert_num_queries(1):  # only the data's version: the rest comes from the cache
        assert monitor_of(coalition) == first
    assert monitor_of(coalition).indicator("partners").value == 0
    from samenspel.partners import services as partner_services

    partner_services.create_partner(
        coalition,
        acting_user=coordinator,
        name="Bibliotheek",
        kind=PartnerKind.LIBRARIES_CULTURE,
        motives=["moral"],
    )
    assert monitor_of(coalition).indicator("partners").value == 1


def test_the_page_shows_indicators_notes_and_questions_in_constant_queries(
    coalition, coordinator, django_assert_max_num_queries
):
    client = client_for(coordinator)
    url = reverse("reporting:monitor", args=[coalition.uuid])
    client.get(url)
    caches["analysis"].clear()
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    queries = len(few)
    for n in range(6):
        PartnerFactory(coalition=coalition, joined_on=datetime.date(2025, 1, n + 1))
        activity(coalition, None, title=f"Activiteit {n}", reach=((TODAY, 3, 3),))
    caches["analysis"].clear()
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    text = response.content.decode()
    assert "Partners in de coalitie" in text
    assert "Wie is eigenaar van het vraagstuk eenzaamheid?" in text


def test_outsiders_do_not_find_the_monitor(coalition):
    outsider = MembershipFactory(coordinator=True).user
    response = client_for(outsider).get(reverse("reporting:monitor", args=[coalition.uuid]))
    assert response.status_code == 404


def test_the_coordinator_comments_on_an_indicator(coalition, coordinator):
    client = client_for(coordinator)
    url = reverse("reporting:note", args=[coalition.uuid, "reach"])
    response = client.post(url, {"text": "  Zomerstop in juli.  "})
    assert response.status_code == 302
    note = IndicatorNote.objects.of_coalition(coalition).get()
    assert (note.indicator, note.text) == ("reach", "Zomerstop in juli.")
    assert AuditEvent.objects.of_coalition(coalition).filter(action="indicator_note.saved").exists()
    page = client.get(reverse("reporting:monitor", args=[coalition.uuid])).content.decode()
    assert "Zomerstop in juli." in page


def test_a_comment_that_is_too_long_is_refused_at_the_field(coalition, coordinator):
    url = reverse("reporting:note", args=[coalition.uuid, "reach"])
    response = client_for(coordinator).post(url, {"text": "x" * 2001})
    assert response.status_code == 200
    assert "2000" in response.content.decode()
    assert not IndicatorNote.objects.of_coalition(coalition).exists()


def test_an_unknown_indicator_is_not_found(coalition, coordinator):
    url = reverse("reporting:note", args=[coalition.uuid, "nothing"])
    assert client_for(coordinator).get(url).status_code == 404


def test_only_the_coalition_comments_and_only_advisors_write_the_advisor_note(
    coalition, coordinator, advisor
):
    note_url = reverse("reporting:note", args=[coalition.uuid, "reach"])
    advisor_url = reverse("reporting:advisor_note", args=[coalition.uuid])
    assert client_for(advisor).post(note_url, {"text": "x"}).status_code == 403
    assert client_for(coordinator).post(advisor_url, {"text": "x"}).status_code == 403
    response = client_for(advisor).post(advisor_url, {"text": "Kern praat over afscheid."})
    assert response.status_code == 302
    assert AdvisorNote.objects.of_coalition(coalition).get().updated_by == advisor
    page = client_for(coordinator).get(reverse("reporting:monitor", args=[coalition.uuid]))
    assert "Kern praat over afscheid." in page.content.decode()


def test_two_advisors_editing_the_note_keep_both_changes_or_are_told(coalition, advisor):
    other = MembershipFactory(coalition=coalition, advisor=True).user
    services.save_advisor_note(coalition, acting_user=advisor, text="Eerste versie")
    url = reverse("reporting:advisor_note", args=[coalition.uuid])
    stale_form = client_for(other).get(url).context["form"]
    services.save_advisor_note(coalition, acting_user=advisor, text="Tweede versie")
    data = {name: stale_form[name].value() for name in stale_form.fields} | {"text": "Derde versie"}
    response = client_for(other).post(url, data)
    assert response.status_code == 200  # refused, naming the other's new text
    assert "Tweede versie" in response.content.decode()
    assert AdvisorNote.objects.of_coalition(coalition).get().text == "Tweede versie"


def signals(coalition, count, received_at, **fields):
    intake = PartnerFactory(coalition=coalition)
    for _n in range(count):
        SignalFactory(coalition=coalition, intake=intake, received_at=received_at, **fields)


def test_signals_give_counts_per_outcome_and_wait_as_the_signals_app_hides_them(coalition):
    october = datetime.datetime(2026, 10, 5, 9, tzinfo=datetime.UTC)
    signals(
        coalition,
        25,
        october,
        status=Status.CLOSED,
        outcome=Outcome.SUPPORTED,
        first_contact_at=october + datetime.timedelta(days=2),
    )
    signals(coalition, 20, october)
    signals(coalition, 3, datetime.datetime(2025, 3, 5, 9, tzinfo=datetime.UTC))
    found = values(coalition)
    tables = {t.key: t for t in coalition_figures(coalition, TODAY)}
    assert found["signals"].value == tables["source"].grand == 45
    assert found["signals"].period == "2025-12 tot en met 2026-11"
    assert found["signals_outcome_supported"].value == tables["outcome"].totals[0]
    assert found["signals_contact_week"].value == tables["wait"].totals[0]
    # The twelve months before held 3 signals: hidden, which is not "no data".
    assert found["signals"].previous is None
    assert found["signals"].previous_hidden
    assert found["signals"].previous_display == "verborgen (kleine aantallen)"
    assert found["signals"].previous_period == "2024-12 tot en met 2025-11"
    keys = [key for key in found if key.startswith("signals")]
    assert len(keys) == 1 + len(Outcome.choices) + 1 + 4
    for key in keys:
        indicator = found[key]
        assert indicator.pillar == "involve_residents"
        assert indicator.hidden == (indicator.value is None)
        assert indicator.value is None or indicator.value >= 10


def test_without_signals_every_signal_count_is_hidden(coalition):
    found = values(coalition)
    assert found["signals"].hidden
    assert found["signals"].display == "verborgen (kleine aantallen)"
    assert found["signals"].trend == ""

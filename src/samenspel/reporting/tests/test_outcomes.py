"""Outcome measures: De Jong Gierveld bands per activity at group level, small groups hidden."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.monitoring.tests.factories import activity
from samenspel.reporting.models import Moment, OutcomeMeasurement
from samenspel.reporting.outcomes import MIN_GROUP, group, outcomes_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost")


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


def measured(made, moment, day, counts):
    return OutcomeMeasurement.objects.create(
        activity=made,
        moment=moment,
        measured_on=day,
        not_lonely=counts[0],
        moderately=counts[1],
        severely=counts[2],
        very_severely=counts[3],
    )


# The machine the tests share may be busy: the examples are cheap, their timing is not the point.
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.tuples(*[st.integers(min_value=0, max_value=40)] * 4))
def test_a_group_under_ten_shows_no_band_and_a_shown_group_adds_up(counts):
    shown = group(
        OutcomeMeasurement(
            moment=Moment.BEFORE,
            measured_on=datetime.date(2026, 1, 1),
            not_lonely=counts[0],
            moderately=counts[1],
            severely=counts[2],
            very_severely=counts[3],
        )
    )
    assert shown.n == sum(counts)
    if sum(counts) < MIN_GROUP:
        assert shown.bands is None
        assert shown.lonely_share is None
    else:
        assert [band.count for band in shown.bands] == list(counts)


def test_latest_before_and_after_per_activity_and_the_change(coalition):
    made = activity(coalition, None, title="Koffieochtend")
    measured(made, Moment.BEFORE, datetime.date(2026, 1, 10), (4, 10, 4, 2))
    measured(made, Moment.AFTER, datetime.date(2026, 6, 10), (10, 8, 2, 0))
    small = activity(coalition, None, title="Wandelclub")
    measured(small, Moment.BEFORE, datetime.date(2026, 1, 10), (2, 3, 1, 0))
    koffie, wandel = outcomes_of(coalition)
    assert koffie.before.lonely_share == pytest.approx(16 / 20)
    assert koffie.change == pytest.approx(10 / 20 - 16 / 20)
    assert wandel.before.suppressed
    assert wandel.change is None
    assert wandel.rows[0].cells == (None, None)


def test_the_page_cites_the_scale_and_hides_small_groups(coalition, coordinator):
    small = activity(coalition, None, title="Wandelclub")
    measured(small, Moment.BEFORE, datetime.date(2026, 1, 10), (2, 3, 1, 0))
    html = client_for(coordinator).get(reverse("reporting:outcomes", args=[coalition.uuid]))
    text = html.content.decode()
    assert "De Jong Gierveld en Van Tilburg" in text
    assert "geen diagnose is voor één persoon" in text
    assert "te weinig deelnemers om te tonen" in text
    assert "2 (" not in text  # no band count of the small group


def test_recording_a_measurement(coalition, coordinator):
    made = activity(coalition, None, title="Koffieochtend")
    url = reverse("reporting:record_outcome", args=[coalition.uuid])
    data = {
        "activity": made.pk,
        "moment": "before",
        "measured_on": "2026-11-01",
        "not_lonely": 5,
        "moderately": 6,
        "severely": 1,
        "very_severely": 0,
    }
    assert client_for(coordinator).post(url, data).status_code == 302
    assert OutcomeMeasurement.objects.of_coalition(coalition).count() == 1
    assert AuditEvent.objects.of_coalition(coalition).filter(action="outcome.recorded").exists()
    again = client_for(coordinator).post(url, data)
    assert "op die dag al vastgelegd" in again.content.decode()
    assert OutcomeMeasurement.objects.of_coalition(coalition).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"measured_on": "2026-12-01"}, "Een meting ligt niet in de toekomst."),
        ({"not_lonely": 0, "moderately": 0}, "samen meer dan nul"),
        ({"severely": -1}, "Vul bij ‘Ernstig eenzaam (score 9–10)’ 0 of meer in."),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_saved(
    coalition, coordinator, changes, message
):
    made = activity(coalition, None, title="Koffieochtend")
    data = {
        "activity": made.pk,
        "moment": "after",
        "measured_on": "2026-11-01",
        "not_lonely": 5,
        "moderately": 0,
        "severely": 0,
        "very_severely": 0,
        **changes,
    }
    url = reverse("reporting:record_outcome", args=[coalition.uuid])
    response = client_for(coordinator).post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutcomeMeasurement.objects.of_coalition(coalition).exists()


def test_an_activity_of_another_coalition_cannot_be_chosen(coalition, coordinator):
    other = activity(CoalitionFactory(), None, title="Elders")
    url = reverse("reporting:record_outcome", args=[coalition.uuid])
    data = {
        "activity": other.pk,
        "moment": "after",
        "measured_on": "2026-11-01",
        "not_lonely": 12,
        "moderately": 0,
        "severely": 0,
        "very_severely": 0,
    }
    response = client_for(coordinator).post(url, data)
    assert (
        "Kies bij ‘Activiteit’ een van de mogelijkheden uit de lijst." in response.content.decode()
    )
    assert not OutcomeMeasurement.objects.across_coalitions().exists()


def test_readers_see_outcomes_but_do_not_record(coalition):
    reader = MembershipFactory(coalition=coalition, read_only=True).user
    assert (
        client_for(reader).get(reverse("reporting:outcomes", args=[coalition.uuid])).status_code
        == 200
    )
    url = reverse("reporting:record_outcome", args=[coalition.uuid])
    assert client_for(reader).get(url).status_code == 403

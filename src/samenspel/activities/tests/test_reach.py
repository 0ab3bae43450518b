"""Reach of activities: the rules for recording it, the per-activity chart, and the coalition's
totals per partner, wijk and target group (summed in the database)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities import services
from samenspel.activities.models import ReachRecord
from samenspel.activities.reach import Period, Row, bar_chart, coalition_reach
from samenspel.activities.tests.test_activities import client_for, make_activity
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

Q1 = {"period_start": datetime.date(2026, 1, 1), "period_end": datetime.date(2026, 3, 31)}
Q2 = {"period_start": datetime.date(2026, 4, 1), "period_end": datetime.date(2026, 6, 30)}
YEAR = Period(datetime.date(2025, 11, 24), datetime.date(2026, 11, 23))


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory()


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def activity(coalition, coordinator):
    return make_activity(coalition, coordinator)


def reach(activity, user, period=Q1, new=5, returning=10, by_group=None, note=""):
    return services.create_reach(
        activity,
        acting_user=user,
        new_participants=new,
        returning_participants=returning,
        by_group=by_group or {},
        note=note,
        **period,
    )


# --- services -------------------------------------------------------------------------------


def test_record_with_groups_and_audit(activity, coordinator):
    record = reach(activity, coordinator, by_group={"older": 8, "carers": 2, "young": 0})
    assert record.total == 15
    assert {r.group: r.participants for r in record.by_group.all()} == {"older": 8, "carers": 2}
    changes = AuditEvent.objects.get(action="reach.created").changes
    assert changes["fields"]["by_group"] == {"old": {}, "new": {"carers": 2, "older": 8}}


def test_groups_may_not_exceed_total(activity, coordinator):
    with pytest.raises(ValidationError) as error:
        reach(activity, coordinator, by_group={"older": 10, "young": 6})
    assert error.value.message_dict["by_group"] == [
        "De aantallen per doelgroep (samen 16) zijn meer dan het totaal (15)."
    ]
    assert not ReachRecord.objects.exists()


def test_period_is_unique_per_activity(activity, coordinator, coalition):
    reach(activity, coordinator)
    with pytest.raises(ValidationError) as error:
        reach(activity, coordinator)
    assert error.value.message_dict["period_start"] == [
        "Voor deze periode is het bereik al vastgelegd."
    ]
    reach(
        make_activity(coalition, coordinator, title="Andere"), coordinator
    )  # other activity: fine


def test_period_end_before_start(activity, coordinator):
    with pytest.raises(ValidationError) as error:
        reach(
            activity,
            coordinator,
            period={
                "period_start": datetime.date(2026, 3, 1),
                "period_end": datetime.date(2026, 2, 1),
            },
        )
    assert "period_end" in error.value.message_dict


def test_update_keeps_groups_unless_given(activity, coordinator):
    record = reach(activity, coordinator, by_group={"older": 5})
    services.update_reach(record, acting_user=coordinator, new_participants=1)
    record.refresh_from_db()
    assert record.new_participants == 1
    assert [(r.group, r.participants) for r in record.by_group.all()] == [("older", 5)]
    with pytest.raises(ValidationError):
        services.update_reach(record, acting_user=coordinator, returning_participants=0)
    record.refresh_from_db()
    assert record.returning_participants == 10


def test_update_to_a_taken_period_is_refused(activity, coordinator):
    reach(activity, coordinator)
    second = reach(activity, coordinator, period=Q2)
    with pytest.raises(ValidationError):
        services.update_reach(second, acting_user=coordinator, **Q1)


# --- totals ---------------------------------------------------------------------------------


def test_totals_per_partner_wijk_and_group(coalition, coordinator):
    library, welfare = (PartnerFactory(coalition=coalition, name=n) for n in ("Bieb", "Welzijn"))
    north = Neighbourhood.objects.create(coalition=coalition, name="Noord")
    Neighbourhood.objects.create(coalition=coalition, name="Zuid")
    shared = make_activity(
        coalition, coordinator, title="Samen", providers=[library, welfare], neighbourhood=north
    )
    alone = make_activity(coalition, coordinator, title="Alleen", providers=[welfare])
    reach(shared, coordinator, new=5, returning=10, by_group={"older": 12})
    reach(shared, coordinator, period=Q2, new=1, returning=1)
    reach(alone, coordinator, new=3, returning=0, by_group={"older": 1, "young": 2})
    old = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 3, 31)}
    reach(alone, coordinator, period=old, new=100, returning=100)  # before the period
    reach(make_activity(CoalitionFactory(), None), None, new=50)  # another coalition

    result = coalition_reach(coalition, YEAR)

    assert (result.total.new, result.total.returning, result.total.activities) == (9, 11, 2)
    assert result.records == 3
    assert [(r.label, r.total, r.activities) for r in result.by_partner] == [
        ("Bieb", 17, 1),
        ("Welzijn", 20, 2),
    ]
    assert [(r.label, r.total) for r in result.by_neighbourhood] == [
        ("Noord", 17),
        ("Zuid", 0),
        ("Hele gemeente (geen wijk)", 3),
    ]
    assert [(g.group, g.participants) for g in result.by_group] == [("older", 13), ("young", 2)]


def _overview_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow(coalition, user, n):
    wijk = Neighbourhood.objects.create(coalition=coalition, name=f"Wijk {n}")
    partner = PartnerFactory(coalition=coalition)
    activity = make_activity(
        coalition, user, title=f"Act {n}", providers=[partner], neighbourhood=wijk
    )
    reach(activity, user, by_group={"older": 3, "young": 1})
    reach(activity, user, period=Q2, by_group={"carers": 2})


def test_overview_queries_do_not_grow(coalition, coordinator):
    client = client_for(coordinator)
    url = reverse("activities:reach_overview", args=[coalition.uuid])
    _grow(coalition, coordinator, 0)
    few = _overview_queries(client, url)
    for n in range(1, 9):
        _grow(coalition, coordinator, n)
    assert _overview_queries(client, url) == few


def test_overview_page_with_chosen_period(coalition, coordinator, activity):
    reach(activity, coordinator, new=7, returning=3)
    client = client_for(coordinator)
    url = reverse("activities:reach_overview", args=[coalition.uuid])
    page = client.get(url).content.decode()
    assert 'role="img"' in page
    assert "Hele gemeente (geen wijk)" in page
    later = client.get(url, {"start": "2026-06-01", "end": "2026-11-23"}).content.decode()
    assert "Nog geen bereik vastgelegd." in later
    wrong = client.get(url, {"start": "2026-06-01", "end": "2026-01-01"})
    assert "De einddatum ligt vóór de startdatum." in wrong.content.decode()


# --- chart ----------------------------------------------------------------------------------


def test_bar_chart_scales_to_the_largest_row():
    chart = bar_chart([Row("A", 10, 30), Row("B", 20, 0)], chart_id="c", title="Bereik")
    first, second = chart.bars
    assert first.new_width + first.returning_width == pytest.approx(
        chart.value_x - 10 - chart.left, abs=0.2
    )
    assert second.new_width == pytest.approx(first.new_width * 2, abs=0.2)
    assert second.returning_width == 0
    assert "samen 60 deelnemers" in chart.description
    assert "het meest bij A (40)" in chart.description


# --- pages ----------------------------------------------------------------------------------


def test_reach_form_records_and_shows_on_detail(coalition, coordinator, activity):
    client = client_for(coordinator)
    response = client.post(
        reverse("activities:reach_create", args=[coalition.uuid, activity.uuid]),
        {
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "new_participants": "4",
            "returning_participants": "6",
            "group_older": "5",
        },
    )
    assert response.status_code == 302
    record = ReachRecord.objects.get()
    assert [(r.group, r.participants) for r in record.by_group.all()] == [("older", 5)]
    page = client.get(
        reverse("activities:detail", args=[coalition.uuid, activity.uuid])
    ).content.decode()
    assert 'role="img"' in page
    assert "4 nieuw, 6 terug" in page


def test_reach_form_error_for_groups_above_total(coalition, coordinator, activity):
    response = client_for(coordinator).post(
        reverse("activities:reach_create", args=[coalition.uuid, activity.uuid]),
        {
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "new_participants": "1",
            "returning_participants": "1",
            "group_older": "3",
        },
    )
    assert response.status_code == 200
    assert "zijn meer dan het totaal (2)" in response.content.decode()
    assert not ReachRecord.objects.exists()


def test_reach_of_other_partner_is_forbidden_for_partner_member(coalition, coordinator):
    member = MembershipFactory(coalition=coalition, partner_member=True)
    other = make_activity(coalition, coordinator, providers=[PartnerFactory(coalition=coalition)])
    record = reach(other, coordinator)
    client = client_for(member.user)
    urls = [
        reverse("activities:reach_create", args=[coalition.uuid, other.uuid]),
        reverse("activities:reach_edit", args=[coalition.uuid, other.uuid, record.uuid]),
        reverse("activities:reach_delete", args=[coalition.uuid, other.uuid, record.uuid]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[2]).status_code == 403
    assert ReachRecord.objects.filter(pk=record.pk).exists()


def test_reach_record_of_another_activity_is_not_found(coalition, coordinator, activity):
    other = make_activity(coalition, coordinator, title="Andere")
    record = reach(other, coordinator)
    url = reverse("activities:reach_edit", args=[coalition.uuid, activity.uuid, record.uuid])
    assert client_for(coordinator).get(url).status_code == 404


def test_reach_delete(coalition, coordinator, activity):
    record = reach(activity, coordinator)
    response = client_for(coordinator).post(
        reverse("activities:reach_delete", args=[coalition.uuid, activity.uuid, record.uuid])
    )
    assert response.status_code == 302
    assert not ReachRecord.objects.exists()

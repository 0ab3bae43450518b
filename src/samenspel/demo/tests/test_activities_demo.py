"""The demo offer of "Samen Dijkerveen" loads through the services and shows what the pages need:
stale activities, a paused and an ended one, reach per quarter and a published finder."""

import datetime

import pytest
from django.db.models import F, Sum

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities.models import Activity, ActivityStatus, Finder, ReachRecord
from samenspel.activities.selectors import stale_activities
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.demo.activities import ACTIVITIES, load_activities
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def coalition():
    coalition = CoalitionFactory(name="Samen Dijkerveen")
    MembershipFactory(coalition=coalition, coordinator=True)
    return coalition


def _partners(coalition):
    names = sorted({name for item in ACTIVITIES for name in item.providers})
    return [PartnerFactory(coalition=coalition, name=name) for name in names]


def test_demo_offer_with_wijken(coalition):
    wijken = [
        Neighbourhood.objects.create(coalition=coalition, name=name)
        for name in ("Centrum", "Noord", "De Velden", "Zuid")
    ]
    created = load_activities(coalition, _partners(coalition), wijken, TODAY)

    assert 20 <= len(created) <= 25
    assert Activity.objects.filter(coalition=coalition).count() == len(created)
    assert {a.status for a in created} == {"active", "paused", "ended"}
    assert Activity.objects.filter(week_against_loneliness=True).count() >= 3
    assert Activity.objects.filter(cost=0).count() >= 5
    assert len(stale_activities(coalition, TODAY)) >= 2
    used = set(
        Activity.objects.exclude(neighbourhood=None).values_list("neighbourhood__name", flat=True)
    )
    assert used == {"Centrum", "Noord", "De Velden"}  # Zuid is left without offer (a gap)
    active = Activity.objects.filter(status=ActivityStatus.ACTIVE).first()
    periods = list(ReachRecord.objects.filter(activity=active).order_by("period_start"))
    assert [(r.period_start, r.period_end) for r in periods] == [
        (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
        (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
    ]
    over = (
        ReachRecord.objects.annotate(known=Sum("by_group__participants"))
        .filter(known__gt=F("new_participants") + F("returning_participants"))
        .count()
    )
    assert over == 0
    finder = Finder.objects.get(coalition=coalition)
    assert (finder.slug, finder.is_published) == ("samen-dijkerveen", True)


def test_demo_offer_without_wijken(coalition):
    load_activities(coalition, _partners(coalition), [], TODAY)
    assert not Activity.objects.exclude(neighbourhood=None).exists()


def test_demo_providers_are_demo_partners():
    from samenspel.demo.data import DIJKERVEEN_PARTNERS

    names = {partner.name for partner in DIJKERVEEN_PARTNERS}
    assert {name for item in ACTIVITIES for name in item.providers} <= names

import pytest

from samenspel.activities.models import Activity, ActivityTargetGroup, Finder, TimeSlot
from samenspel.bench import offer, synthetic
from samenspel.coalitions.models import Neighbourhood

pytestmark = pytest.mark.django_db


def _measured_offer() -> list[tuple]:
    return list(
        Activity.objects.filter(coalition__municipality__code="GM8000")
        .order_by("uuid")
        .values_list("uuid", "title", "neighbourhood__name", "status")
    )


def test_the_measured_coalition_has_the_same_offer_at_every_scale():
    synthetic.generate(2, 50, seed=3, pinned=(40, 10), activity_total=400)
    small = _measured_offer()
    synthetic.delete_synthetic_data()
    synthetic.generate(4, 120, seed=3, pinned=(40, 10), activity_total=900)
    larger = _measured_offer()

    assert len(small) == offer.MEASURED_ACTIVITIES
    assert small == larger
    assert Activity.objects.count() == 900


def test_every_activity_has_a_group_and_a_time_and_every_coalition_a_finder_and_wijken():
    synthetic.generate(3, 60, seed=5, activity_total=450)

    assert Finder.objects.filter(is_published=True).count() == 3
    assert Neighbourhood.objects.exclude(cbs_code="").count() >= 15
    assert not Activity.objects.filter(target_groups__isnull=True).exists()
    assert not Activity.objects.filter(time_slots__isnull=True).exists()
    assert ActivityTargetGroup.objects.count() >= 450
    assert TimeSlot.objects.count() >= 450


def test_delete_removes_the_offer():
    synthetic.generate(2, 20, seed=7, activity_total=350)
    synthetic.delete_synthetic_data()

    assert not Activity.objects.exists()
    assert not Neighbourhood.objects.exists()


def test_default_size_is_the_national_density():
    assert offer.activities_for(350) == 100_000
    assert offer.activities_for(1) == offer.MEASURED_ACTIVITIES

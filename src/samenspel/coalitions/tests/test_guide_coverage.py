"""The guide explains every life phase and every tipping point a phase change can record."""

from samenspel.coalitions.models import Phase, TippingPoint
from samenspel.guide.content import get_section


def test_every_phase_is_in_the_guide() -> None:
    assert set(Phase.values) == set(get_section("phases").item_keys)


def test_every_tipping_point_is_explained() -> None:
    assert set(TippingPoint.values) <= set(get_section("phase_changes").item_keys)

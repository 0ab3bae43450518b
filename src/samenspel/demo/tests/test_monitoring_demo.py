"""The demo wijken of Samen Dijkerveen and their fictional, marked figures."""

import pytest

from samenspel.accounts.tests.factories import UserFactory
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.demo.monitoring import add_neighbourhoods
from samenspel.monitoring.gap import build_gap
from samenspel.monitoring.models import LonelinessEstimate, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    return CoalitionFactory(municipality=MunicipalityFactory(code="GM9901", name="Dijkerveen"))


def test_the_demo_gives_fictional_wijken_and_marked_figures(coalition):
    neighbourhoods = add_neighbourhoods(coalition, UserFactory())
    assert 5 <= len(neighbourhoods) <= 7
    codes = [n.cbs_code for n in neighbourhoods if n.cbs_code]
    assert codes
    assert all(code.startswith("WK9901") for code in codes)
    assert Region.objects.filter(code__in=codes).count() == len(codes)
    assert LonelinessEstimate.objects.exists()
    assert not LonelinessEstimate.objects.filter(is_demo=False).exists()
    gap = build_gap(coalition, coalition.start_date.replace(year=2026))
    assert gap.rows[0].neighbourhood.name == "Dijkerveen-Noord"
    assert {row.neighbourhood.name for row in gap.without_figures} == {"De Polder", "Oudedijk"}

"""The municipality's view: progress and money per coalition, what runs out first on top."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import reset_queries
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for
from samenspel.coalitions import services as coalition_services
from samenspel.coalitions.models import MunicipalityRole, Phase
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.funding.models import FundingSource
from samenspel.guide.content import get_item

pytestmark = pytest.mark.django_db

TIPPING = "new_partner"


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def official():
    return UserFactory(email="beleid@gemeente.nl")


def coalition_of(official, name, *ends):
    coalition = CoalitionFactory(name=name, start_date=datetime.date(2025, 1, 1))
    MembershipFactory(coalition=coalition, user=official, municipality=True)
    for n, end in enumerate(ends):
        FundingSource.objects.create(
            coalition=coalition,
            kind="municipal_subsidy",
            funder_name=f"Subsidie {name} {n}",
            amount=Decimal("15000"),
            start_date=datetime.date(2025, 1, 1),
            end_date=end,
            continuity_plan="Fonds aanvragen" if n else "",
        )
    return coalition


def test_what_runs_out_first_comes_first(official):
    coalition_of(official, "Samen Later", datetime.date(2027, 12, 31))
    coalition_of(official, "Samen Eerder", None, datetime.date(2027, 2, 28))
    coalition_of(official, "Samen Zonder Geld")
    response = client_for(official).get(reverse("portfolio:municipality"))
    names = [row.coalition.name for row in response.context["page"]]
    assert names == ["Samen Eerder", "Samen Later", "Samen Zonder Geld"]
    html = response.content.decode()
    assert "Wat loopt af wanneer" in html
    assert "28 februari 2027" in html
    assert "€ 15.000" in html
    assert "Geen financiering vastgelegd." in html


def test_phase_changes_show_as_milestones(official):
    coordinator = UserFactory()
    coalition = coalition_of(official, "Samen Verder")
    MembershipFactory(coalition=coalition, user=coordinator, coordinator=True)
    coalition_services.change_phase(
        coalition,
        acting_user=coordinator,
        to_phase=Phase.EXPLORE,
        date=datetime.date(2026, 3, 1),
        reason="De kern is compleet",
        tipping_point=TIPPING,
    )
    html = client_for(official).get(reverse("portfolio:municipality")).content.decode()
    assert "1 maart 2026: 2. Verkennen en concretiseren" in html


def test_constant_queries_whatever_the_number_of_coalitions(
    official, settings, django_assert_max_num_queries
):
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    coalition_of(official, "Samen Een", datetime.date(2027, 1, 1))
    url = reverse("portfolio:municipality")
    client = client_for(official)
    client.get(url)  # computes and caches the row
    with django_assert_max_num_queries(100) as one:
        client.get(url)
    queries_for_one = len(one)
    for n in range(4):
        coalition_of(official, f"Samen {n}", datetime.date(2027, 1, 1))
    client.get(url)
    reset_queries()
    with django_assert_max_num_queries(queries_for_one):
        response = client.get(url)
    assert len(response.context["page"]) == 5


def test_outsiders_and_people_without_findings_get_404(official):
    reader = MembershipFactory(read_only=True).user
    assert client_for(reader).get(reverse("portfolio:municipality")).status_code == 404


def test_the_agreed_roles_show_with_the_guides_tips(official, settings):
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    caches["analysis"].clear()  # a local-memory cache outlives its settings
    agreed = coalition_of(official, "Samen Afgesproken")
    coalition_of(official, "Samen Open")
    url = reverse("portfolio:municipality")
    html = client_for(official).get(url).content.decode()
    assert html.count("nog niet vastgelegd welke rollen de gemeente speelt") == 2
    coordinator = MembershipFactory(coalition=agreed, coordinator=True).user
    coalition_services.update_municipality_roles(
        agreed,
        acting_user=coordinator,
        municipality_roles=[MunicipalityRole.DIRECTOR, MunicipalityRole.AANJAGER],
    )
    html = client_for(official).get(url).content.decode()  # the roles moved the version
    assert html.count("nog niet vastgelegd welke rollen de gemeente speelt") == 1
    for role in (MunicipalityRole.DIRECTOR, MunicipalityRole.AANJAGER):
        item = get_item("municipality_roles", role)
        assert f"<strong>{escape(item.title)}</strong>" in html
        assert item.tips  # every role of the guide has tips
        assert all(escape(tip.text) in html for tip in item.tips[:2])
        assert reverse("guide:item", args=["municipality_roles", role]) in html

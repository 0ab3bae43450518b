import re

import pytest
from django.urls import reverse

from samenspel.accounts.models import Role
from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.links import coalition_url


def main_menu(html: str) -> str:
    return html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]


def current_menu_item(html: str) -> list[str]:
    menu = main_menu(html).split('class="samenspel-nav__general"', 1)[0]
    return re.findall(r'aria-current="page">([^<]+)<', menu)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view_name", "expected"),
    [
        ("meetings:list", "Overleg"),  # its url_name is 'list', like the partner list's
        ("partners:list", "Partners"),
        ("partners:map", "Partnerkaart"),
        ("funding:overview", "Afspraken"),
        ("coalitions:dashboard", "Overzicht"),
    ],
)
def test_the_menu_marks_the_section_of_the_page(view_name, expected):
    membership = MembershipFactory(role=Role.COORDINATOR)
    response = client_for(membership.user).get(reverse(view_name, args=[membership.coalition.uuid]))
    assert current_menu_item(response.content.decode()) == [expected]


@pytest.mark.django_db
def test_items_follow_the_policy():
    membership = MembershipFactory(role=Role.READ_ONLY)
    response = client_for(membership.user).get(
        reverse("coalitions:dashboard", args=[membership.coalition.uuid])
    )
    menu = main_menu(response.content.decode())
    assert "Overleg" in menu
    assert "Leden" not in menu
    assert "Advies" not in menu


@pytest.mark.django_db
def test_the_section_has_one_sub_navigation_marking_the_page():
    membership = MembershipFactory(role=Role.COORDINATOR)
    url = reverse("funding:overview", args=[membership.coalition.uuid])
    html = client_for(membership.user).get(url).content.decode()
    subnav = html.split('aria-label="In dit onderdeel"', 1)[1].split("</nav>", 1)[0]
    assert "Gedeelde ambitie" in subnav
    assert re.findall(r'aria-current="page">([^<]+)<', subnav) == ["Financiering"]
    assert html.count('class="samenspel-subnav"') == 1


@pytest.mark.django_db
def test_the_guide_keeps_the_menu_of_the_coalition_the_person_came_from():
    first = MembershipFactory(role=Role.ADVISOR)
    second = MembershipFactory(role=Role.ADVISOR, user=first.user)
    client = client_for(first.user)
    assert "Partnerkaart" not in main_menu(client.get(reverse("guide:index")).content.decode())
    client.get(reverse("coalitions:dashboard", args=[second.coalition.uuid]))
    guide = client.get(reverse("guide:index")).content.decode()
    assert "Partnerkaart" in main_menu(guide)
    assert coalition_url("partners:map", second.coalition.uuid) in guide


def test_coalition_url_equals_reverse():
    uuid = "6986630d-0daa-4817-ae05-e90c32e65039"
    for name in ("partners:list", "meetings:list", "funding:overview"):
        assert coalition_url(name, uuid) == reverse(name, args=[uuid])

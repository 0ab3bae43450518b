import re

import pytest
from django.urls import reverse

from samenspel.accounts.models import Role
from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.links import coalition_url


def current_menu_item(html: str) -> list[str]:
    menu = html.split('class="samenspel-nav__list"', 1)[1].split("</ul>", 1)[0]
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
    menu = response.content.decode().split('class="samenspel-nav__list"', 1)[1].split("</ul>")[0]
    assert "Overleg" in menu
    assert "Leden" not in menu
    assert "Signalen" not in menu


def test_coalition_url_equals_reverse():
    uuid = "6986630d-0daa-4817-ae05-e90c32e65039"
    for name in ("partners:list", "meetings:list", "funding:overview"):
        assert coalition_url(name, uuid) == reverse(name, args=[uuid])

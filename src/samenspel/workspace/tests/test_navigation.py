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


@pytest.mark.django_db
def test_the_menu_leads_to_my_work_search_and_exports_and_the_account_page():
    membership = MembershipFactory(partner_member=True)
    uuid = membership.coalition.uuid
    html = client_for(membership.user).get(coalition_url("work:search", uuid)).content.decode()
    menu = main_menu(html)
    assert f'href="{reverse("work:my_work")}"' in menu
    assert f'href="{coalition_url("work:exports", uuid)}"' in menu
    assert current_menu_item(html) == ["Zoeken"]
    assert f'href="{reverse("accounts:account")}"' in html
    assert reverse("accounts:tokens") not in html


@pytest.mark.django_db
def test_signals_pages_share_the_one_sub_navigation():
    membership = MembershipFactory(role=Role.COORDINATOR)
    url = coalition_url("signals:figures", membership.coalition.uuid)
    html = client_for(membership.user).get(url).content.decode()
    subnav = html.split('aria-label="In dit onderdeel"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'aria-current="page">([^<]+)<', subnav) == ["Cijfers"]
    assert html.count('class="samenspel-subnav"') == 1


@pytest.mark.django_db
def test_the_breadcrumb_trail_ends_at_this_page():
    membership = MembershipFactory(role=Role.COORDINATOR)
    client = client_for(membership.user)
    html = client.get(reverse("guide:section", args=["phases"])).content.decode()
    trail = html.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'href="([^"]+)"( aria-current="page")?>([^<]+)<', trail)
    assert [(href, bool(current)) for href, current, _label in links] == [
        (reverse("guide:index"), False),
        (reverse("guide:section", args=["phases"]), True),
    ]
    assert html.count('aria-label="Kruimelpad"') == 1

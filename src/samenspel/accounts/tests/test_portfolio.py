"""A person across all their memberships: the portfolio, and the national programme above them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samenspel.accounts.models import NationalRole
from samenspel.accounts.policy import (
    NationalPermission,
    Permission,
    can,
    can_nationally,
    portfolio,
    roles_holding,
)
from samenspel.accounts.tests.factories import (
    MembershipFactory,
    UserFactory,
    client_for,
    partner_in,
)

pytestmark = pytest.mark.django_db


def coalitions_of(user, permission):
    return {m.coalition.name for m in portfolio(user, permission)}


def test_an_advisor_sees_the_coalitions_they_support_and_no_others():
    advisor = UserFactory()
    supported = [MembershipFactory(user=advisor, advisor=True) for _ in range(15)]
    MembershipFactory(advisor=True)  # someone else's
    names = coalitions_of(advisor, Permission.VIEW_FINDINGS)
    assert names == {m.coalition.name for m in supported}
    assert coalitions_of(advisor, Permission.MANAGE_MEMBERS) == set()


def test_a_person_holds_a_right_only_where_their_role_gives_it():
    person = UserFactory()
    led = MembershipFactory(user=person, coordinator=True)
    MembershipFactory(user=person, read_only=True)
    assert coalitions_of(person, Permission.EDIT_COALITION) == {led.coalition.name}
    assert len(coalitions_of(person, Permission.VIEW_COALITION)) == 2


def test_a_partner_organisations_member_in_several_coalitions():
    worker = UserFactory()
    memberships = [MembershipFactory(user=worker, partner_member=True) for _ in range(3)]
    names = coalitions_of(worker, Permission.EDIT_ACTIVITY)
    assert names == {m.coalition.name for m in memberships}
    # Rights on the own organisation stay rights on that organisation only.
    first = memberships[0]
    assert can(first, Permission.EDIT_ACTIVITY, first.partner)
    assert not can(first, Permission.EDIT_ACTIVITY, partner_in(first.coalition))


def test_roles_holding_follows_the_rights_table():
    assert roles_holding(Permission.MANAGE_MEMBERS) == {"coordinator"}
    assert "advisor" in roles_holding(Permission.VIEW_FINDINGS)
    assert "partner_member" not in roles_holding(Permission.EDIT_PARTNER)


def test_an_anonymous_visitor_has_no_portfolio():
    assert list(portfolio(AnonymousUser(), Permission.VIEW_COALITION)) == []


def test_the_national_programme_sees_figures_but_no_coalition():
    programme = UserFactory(national_role=NationalRole.PROGRAMME)
    coordinator = MembershipFactory(coordinator=True)
    assert can_nationally(programme, NationalPermission.VIEW_NATIONAL_FIGURES)
    assert not can_nationally(coordinator.user, NationalPermission.VIEW_NATIONAL_FIGURES)
    assert list(portfolio(programme, Permission.VIEW_COALITION)) == []

    client = client_for(programme)
    page = client.get(reverse("workspace:national"))
    assert page.status_code == 200
    assert "Coalities per levensfase (niet getoond)" in page.content.decode()  # fewer than 10
    assert coordinator.coalition.name not in page.content.decode()
    dashboard = reverse("coalitions:dashboard", args=[coordinator.coalition.uuid])
    assert client.get(dashboard).status_code == 404
    assert client.get(reverse("coalitions:home")).url == reverse("workspace:national")


def test_only_the_national_programme_reaches_the_national_figures():
    coordinator = MembershipFactory(coordinator=True)
    assert client_for(coordinator.user).get(reverse("workspace:national")).status_code == 403
    inactive = UserFactory(national_role=NationalRole.PROGRAMME, is_active=False)
    assert not can_nationally(inactive, NationalPermission.VIEW_NATIONAL_FIGURES)

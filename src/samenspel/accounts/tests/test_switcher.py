"""The header's coalition switcher: every coalition of a person with a few, a link to all of them
for a person with many (an advisor, the national programme)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.policy import REMEMBERED, SWITCHER_SIZE
from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for

pytestmark = pytest.mark.django_db


def switcher(user) -> str:
    page = client_for(user).get(reverse("about")).content.decode()
    return page.split('<details class="samenspel-switcher">', 1)[1].split("</details>", 1)[0]


def dashboards_in(html: str) -> int:
    return html.count('href="/c/')


def test_a_person_with_a_few_coalitions_sees_them_all():
    user = UserFactory()
    for _n in range(3):
        MembershipFactory(user=user)
    html = switcher(user)
    assert dashboards_in(html) == 3
    assert "coalities</a>" not in html


def test_a_person_with_many_coalitions_gets_a_link_to_all_of_them():
    user = UserFactory()
    many = SWITCHER_SIZE + 5
    for _n in range(many):
        MembershipFactory(user=user)
    html = switcher(user)
    assert dashboards_in(html) == SWITCHER_SIZE
    assert (
        f'<a class="utrecht-link" href="{reverse("coalitions:home")}">Alle {many} coalities</a>'
        in html
    )


def test_a_page_reads_the_same_few_memberships_however_many_a_person_has():
    """The header and the page's own coalition come from one short read: an advisor of every
    coalition in the country would otherwise load all of them on every page."""
    user = UserFactory()
    memberships = [MembershipFactory(user=user, coalition__name=f"Samen {n:02}") for n in range(20)]
    last = memberships[-1].coalition  # beyond the switcher's first twelve
    client = client_for(user)
    client.cookies[REMEMBERED] = str(last.uuid)
    with CaptureQueriesContext(connection) as read:
        page = client.get(reverse("coalitions:dashboard", args=[last.uuid]))
    assert page.status_code == 200
    assert page.context["membership"].coalition == last
    membership_reads = [
        q["sql"] for q in read.captured_queries if "accounts_membership" in q["sql"]
    ]
    assert len(membership_reads) == 1
    assert f"LIMIT {SWITCHER_SIZE + 1}" in membership_reads[0]
    html = client.get(reverse("guide:index")).content.decode()
    assert "Alle 20 coalities" in html
    # The guide keeps the menu of the remembered coalition, which the switcher does not list.
    assert "Coalitie: </span>Samen 19</summary>" in html

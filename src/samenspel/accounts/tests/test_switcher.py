"""The header's coalition switcher: every coalition of a person with a few, a link to all of them
for a person with many (an advisor, the national programme)."""

import pytest
from django.urls import reverse

from samenspel.accounts.context_processors import SWITCHER_SIZE
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

"""Forms that help, on every page of the demo: no Django dashes as a choice, no silent cut at a
length limit, the limit shown instead; the error summary takes the focus."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.coalitions.models import Coalition
from samenspel.demo.data import demo_email, load_demo
from samenspel.tests.test_tenancy import ROUTES

pytestmark = pytest.mark.django_db

COALITION_ROUTES = [name for name, kwargs in ROUTES if kwargs == ("coalition",)]


@pytest.fixture
def demo():
    with translation.override("nl"):
        load_demo("demo-wachtwoord-voor-de-test")
    return Coalition.objects.across_coalitions().get(name="Samen Dijkerveen")


def test_no_page_offers_dashes_or_cuts_text_silently(demo):
    client = client_for(User.objects.get(email=demo_email("coordinator")))
    found = []
    for name in COALITION_ROUTES:
        url = reverse(name, kwargs={"coalition": demo.uuid})
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        if "---------" in html:
            found.append(f"{url}: ---------")
        if re.search(r"<(input(?![^>]*type=.search)|textarea)[^>]*\smaxlength=", html):
            found.append(f"{url}: maxlength")
    assert not found, "\n".join(found)


def test_a_limited_text_shows_its_limit_and_a_longer_one_is_refused_at_the_field(demo):
    client = client_for(User.objects.get(email=demo_email("coordinator")))
    url = reverse("partners:create", kwargs={"coalition": demo.uuid})
    html = client.get(url).content.decode()
    assert 'id="id_name_limit"' in html
    assert re.search(r'<input[^>]*name="name"[^>]*aria-describedby="[^"]*id_name_limit', html)
    response = client.post(url, {"name": "x" * 300})
    errors = response.context["form"].errors["name"]
    assert any("300" in error for error in errors), errors
    assert "autofocus" in response.content.decode().split("samenspel-error-summary", 1)[1][:80]

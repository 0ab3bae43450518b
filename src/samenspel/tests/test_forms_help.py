"""Forms that help, on every page of the demo: no Django dashes as a choice, no silent cut at a
length limit, the limit shown instead; the error summary takes the focus."""

import re

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.demo.data import demo_email
from samenspel.tests import test_demo_pages

pytestmark = pytest.mark.django_db

COALITION_ROUTES = test_demo_pages.COALITION_ROUTES
demo = test_demo_pages.demo  # the fixture: the demo loaded, its first coalition


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


def test_a_field_marked_optional_is_never_refused_as_missing(demo):
    """Submit every new-item form of a coalition empty: a field that then says it is missing
    must not have been marked "(niet verplicht)"."""
    client = client_for(User.objects.get(email=demo_email("coordinator")))
    untruthful, checked = [], []
    for name in COALITION_ROUTES:
        url = reverse(name, kwargs={"coalition": demo.uuid})
        page = client.get(url)
        html = page.content.decode() if "text/html" in page.get("Content-Type", "") else ""
        if page.status_code != 200 or 'class="samenspel-form"' not in html:
            continue
        response = client.post(url, {})
        refused = response.context.get("form") if response.context else None
        if refused is None or not refused.errors:
            continue
        checked.append(name)
        untruthful += [
            f"{name}: {field}: {errors[0]}"
            for field, errors in refused.errors.items()
            if field in refused.fields and not refused.fields[field].required
        ]
    assert len(checked) >= 5, checked
    assert not untruthful, "\n".join(untruthful)

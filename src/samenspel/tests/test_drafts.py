"""What a person typed survives a submit that cannot be accepted: a refused form, a stale edit,
a failed CSRF check, an expired session."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.partners import services
from samenspel.partners.models import Partner
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.tests.test_stale_forms import edit_url, opened_form

pytestmark = pytest.mark.django_db

OUR_SITE = {"HTTP_ORIGIN": "http://testserver"}
STORY = "Wij openen elke dinsdag de bibliotheek voor een kop koffie & een praatje."


def create_url(coalition):
    return reverse("partners:create", args=[coalition.uuid])


def shown(response) -> str:
    return html.unescape(response.content.decode())


def test_a_refused_form_comes_back_with_what_was_typed(coordinator_client, coalition):
    response = coordinator_client.post(create_url(coalition), {"name": "", "brings": STORY})
    assert response.status_code == 200
    assert "Vul de naam van de partner in." in shown(response)
    assert response.context["form"]["brings"].value() == STORY
    assert f"{STORY}</textarea>" in shown(response)


def test_a_stale_edit_comes_back_with_the_persons_own_values(coordinator_client, coalition):
    partner = PartnerFactory(coalition=coalition, brings="Vrijwilligers", takes="Bereik")
    colleague = MembershipFactory(coalition=coalition, coordinator=True).user
    data = opened_form(coordinator_client, edit_url(partner))
    services.update_partner(partner, acting_user=colleague, brings="Een zaal")
    response = coordinator_client.post(edit_url(partner), {**data, "brings": STORY})
    assert response.status_code == 200
    assert STORY in shown(response).split("<textarea", 1)[1]
    assert response.context["form"]["brings"].value() == STORY


def test_a_failed_csrf_check_shows_what_was_typed_and_saves_nothing(coordinator, coalition):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator.user)
    response = client.post(
        create_url(coalition),
        {"name": "Toneelvereniging", "brings": STORY, "version": "versie-van-het-formulier"},
        **OUR_SITE,
    )
    assert response.status_code == 403
    page = shown(response)
    assert "Niet opgeslagen" in page
    assert STORY in page
    assert "Toneelvereniging" in page
    assert ">Naam</label>" in page  # labelled as on the form
    assert "versie-van-het-formulier" not in page  # the form's own values are not the person's
    assert f'href="{create_url(coalition)}"' in page
    assert not Partner.objects.of_coalition(coalition).exists()


def test_after_the_session_expired_the_text_is_shown_and_the_way_back_is_through_login(
    coalition,
):
    response = Client().post(
        create_url(coalition),
        {"name": "Toneelvereniging", "brings": STORY, "password": "geheim"},
        **OUR_SITE,
    )
    assert response.status_code == 403
    page = shown(response)
    assert STORY in page
    assert "geheim" not in page  # never a password
    login = reverse("accounts:login") + "?" + urlencode({"next": create_url(coalition)})
    assert f'href="{login}"' in page
    assert "U bent intussen uitgelogd" in page
    assert not Partner.objects.of_coalition(coalition).exists()


def test_an_expired_session_without_anything_typed_goes_to_the_login_page(coalition):
    response = Client().post(create_url(coalition), {})
    assert response.status_code == 302
    assert "next=" in response["Location"]


@pytest.mark.parametrize(
    "source",
    [{"HTTP_ORIGIN": "https://elders.example"}, {"HTTP_REFERER": "https://elders.example/x"}, {}],
)
def test_a_post_from_another_site_shows_nothing_of_what_it_sent(coordinator, coalition, source):
    """Another site could otherwise put its own text on our pages through this one."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator.user)
    response = client.post(
        create_url(coalition), {"name": "Bel 0900-1234", "brings": STORY}, **source
    )
    assert response.status_code == 403
    page = shown(response)
    assert "Niet opgeslagen" in page
    assert STORY not in page
    assert "0900-1234" not in page
    assert not Partner.objects.of_coalition(coalition).exists()

"""'Mijn account': name, password and language, each on its own, audited, nothing half-saved."""

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory, client_for
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = reverse("accounts:account")


@pytest.fixture
def person():
    return UserFactory(full_name="Fatima Bakker")


def test_the_page_shows_the_three_parts(person):
    page = client_for(person).get(URL).content.decode()
    assert 'value="Fatima Bakker"' in page
    assert 'name="old_password"' in page
    assert 'name="language" id="taal-en" value="en"' in page
    assert reverse("accounts:tokens") in page


def test_a_person_changes_their_name_and_it_is_audited_without_the_value(person):
    response = client_for(person).post(
        URL, {"onderdeel": "naam", "full_name": "  Fatima  El Amrani "}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Fatima El Amrani"
    event = AuditEvent.objects.get(action="user.renamed")
    assert "Fatima" not in str(event.changes)  # a personal field: only that it changed


def test_an_empty_name_is_refused_at_the_field(person):
    response = client_for(person).post(URL, {"onderdeel": "naam", "full_name": " "})
    assert response.status_code == 200
    assert response.context["name_form"].errors["full_name"] == ["Vul uw voor- en achternaam in."]
    person.refresh_from_db()
    assert person.full_name == "Fatima Bakker"


def test_a_person_changes_their_password_and_stays_logged_in(person):
    client = client_for(person)
    response = client.post(
        URL,
        {
            "onderdeel": "wachtwoord",
            "old_password": DEFAULT_PASSWORD,
            "new_password1": "een-lang-nieuw-wachtwoord-42",
            "new_password2": "een-lang-nieuw-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).check_password("een-lang-nieuw-wachtwoord-42")
    assert client.get(URL).status_code == 200  # the session survived
    assert AuditEvent.objects.filter(action="user.password_changed").count() == 1


def test_a_wrong_old_password_changes_nothing(person):
    response = client_for(person).post(
        URL,
        {
            "onderdeel": "wachtwoord",
            "old_password": "fout",
            "new_password1": "een-lang-nieuw-wachtwoord-42",
            "new_password2": "een-lang-nieuw-wachtwoord-42",
        },
    )
    assert response.status_code == 200
    assert response.context["password_form"].errors["old_password"]
    assert User.objects.get(pk=person.pk).check_password(DEFAULT_PASSWORD)
    assert not AuditEvent.objects.filter(action="user.password_changed").exists()


def test_the_language_choice_switches_the_interface(person):
    client = client_for(person)
    response = client.post(reverse("set_language"), {"language": "en", "next": URL})
    assert response.status_code == 302
    page = client.get(URL)
    assert page["Content-Language"] == "en"
    assert 'id="taal-en" value="en" checked' in page.content.decode()

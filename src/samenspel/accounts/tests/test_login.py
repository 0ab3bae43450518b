import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_page_is_public_with_labelled_fields(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="utrecht-form-label" for="id_username">E-mailadres</label>' in html
    assert 'for="id_password"' in html
    assert 'name="username"' in html


@pytest.mark.parametrize(
    ("name", "args", "status"),
    [
        ("accounts:login", [], 200),
        ("accounts:password_reset", [], 200),
        ("accounts:password_reset_done", [], 200),
        ("accounts:password_reset_confirm", ["MQ", "abc-def"], 200),
        ("accounts:password_reset_complete", [], 200),
        ("accounts:accept_invitation", ["onbekend"], 404),
    ],
)
def test_public_pages_need_no_login(client, name, args, status):
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    assert b"utrecht-heading-1" in response.content


def test_login_by_email_is_case_insensitive(client):
    user = UserFactory(email="anna@example.nl")
    response = login(client, "  Anna@Example.NL ", DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse(settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_a_dutch_message_and_no_session(client):
    UserFactory(email="anna@example.nl")
    response = login(client, "anna@example.nl", "niet-het-wachtwoord")
    assert response.status_code == 200
    assert "horen niet bij elkaar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_invalid_email_is_reported_at_the_field(client):
    response = login(client, "geen-adres", "x")
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_username_error"' in html
    assert 'aria-describedby="id_username_error"' in html


def test_inactive_account_cannot_log_in(client):
    UserFactory(email="oud@example.nl", is_active=False)
    response = login(client, "oud@example.nl", DEFAULT_PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_lock_out_after_too_many_failures_shows_the_lockout_page(client):
    UserFactory(email="anna@example.nl")
    responses = [
        login(client, "anna@example.nl", f"fout-{n}") for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = responses[-1]
    assert locked.status_code == 429
    assert "een uur" in locked.content.decode()
    # Even the right password does not help now.
    again = login(client, "ANNA@example.nl", DEFAULT_PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_pages_need_login(client):
    response = client.get(reverse("accounts:tokens"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_logout_is_a_post(client):
    user = UserFactory()
    client.force_login(user, backend="samenspel.accounts.backends.EmailBackend")
    get = client.get(reverse("accounts:logout"))
    assert get.status_code == 302
    assert "_auth_user_id" in client.session  # a GET never logs out (no CSRF protection)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def _reset_link(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/account/wachtwoord-herstellen/\S+/)", body)
    assert match, body
    return match.group(1)


def test_password_reset_sends_a_dutch_mail_whose_link_sets_a_new_password(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="anna@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "Anna@Example.nl"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.nl"]
    # The link is on the site's public address, whatever host the request came in on.
    assert "https://samenspel.test/account/wachtwoord-herstellen/" in message.body
    assert message.subject == "Nieuw wachtwoord instellen voor Samenspel"
    assert "Met deze link stelt u een nieuw wachtwoord in" in message.body

    form_page = client.get(_reset_link(message.body), follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    new_password = "Een-heel-nieuw-wachtwoord-7"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert done.url == reverse("accounts:password_reset_complete")
    assert login(client, "anna@example.nl", new_password).status_code == 302


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_used_reset_link_shows_a_friendly_page(client):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "ongeldig-token"]))
    assert response.status_code == 200
    assert "werkt niet meer" in response.content.decode()


def test_a_new_password_lifts_the_lockout(client, django_capture_on_commit_callbacks):
    UserFactory(email="anna@example.nl")
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, "anna@example.nl", f"fout-{n}")
    assert login(client, "anna@example.nl", DEFAULT_PASSWORD).status_code == 429

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "anna@example.nl"})
    form_page = client.get(_reset_link(mail.outbox[0].body), follow=True)
    new_password = "Een-heel-nieuw-wachtwoord-7"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert login(client, "anna@example.nl", new_password).status_code == 302

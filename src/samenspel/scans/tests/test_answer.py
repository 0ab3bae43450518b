"""The questionnaire behind a respondent's personal link: no account, drafts, submitting, and
what is (not) stored in an anonymous round."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.partners.models import ContactPerson
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans import services
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus

pytestmark = pytest.mark.django_db

ITEMS = ["energy_now", "energy_own", "attendance_meetings", "delivery_agreements"]  # pulse v1
COMPLETE = {
    "vraag-energy_now": "4",
    "vraag-energy_own": "5",
    "vraag-attendance_meetings": "weet-niet",
    "vraag-delivery_agreements": "2",
}


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC), tick=False)


def open_round(coalition, capture, *, anonymous=True, key="pulse", n=1):
    partner = PartnerFactory(coalition=coalition, name="Buurthuis De Linde", circle="active")
    contacts = [
        ContactPerson.objects.create(
            partner=partner, name=f"Respondent {i}", email=f"r{i}@linde.nl", is_primary=True
        )
        for i in range(n)
    ]
    user = coalition.memberships.first().user
    scan_round = services.create_round(
        coalition,
        acting_user=user,
        instrument_key=key,
        title="Voorjaar 2025",
        anonymous=anonymous,
        closes_on=datetime.date(2025, 6, 20),
        contacts=contacts,
    )
    with capture(execute=True):
        services.open_round(scan_round, acting_user=user)
    scan_round.refresh_from_db()
    return scan_round


@pytest.fixture
def anonymous_round(coalition, django_capture_on_commit_callbacks):
    return open_round(coalition, django_capture_on_commit_callbacks)


@pytest.fixture
def respondent(anonymous_round):
    return anonymous_round.respondents.get()


def link(respondent):
    return reverse("scans:answer", args=[respondent.link_token])


def post(url, data, action="submit", version="1", client=None):
    payload = {**data, "action": action}
    if version is not None:
        payload["instrument_version"] = version
    return (client or Client()).post(url, payload)


def assert_private(response):
    assert response["Referrer-Policy"] == "strict-origin"  # never the path
    assert "no-store" in response["Cache-Control"]


def checked(html):
    """The ids of the checked radio buttons."""
    return set(re.findall(r'id="(vraag-[^"]+)" value="[^"]*" checked', html))


# --- the link ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),  # wrong signature
        lambda token: token[:40],  # cut short
        lambda token: "f" * 32 + token[32:],  # another respondent id
        lambda token: "niet-een-link",
        lambda token: token + "00",
    ],
)
def test_a_forged_or_mangled_link_is_not_found(respondent, mangle):
    url = reverse("scans:answer", args=[mangle(respondent.link_token)])
    for response in (Client().get(url), post(url, COMPLETE)):
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
        assert_private(response)
    assert not Response.objects.exists()


def test_the_questionnaire_shows_coalition_round_intro_and_anonymity(
    coalition, respondent, anonymous_round
):
    response = Client().get(link(respondent))
    html = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert coalition.name in html
    assert "Voorjaar 2025" in html
    assert "Pulscheck" in html
    assert "Vier korte vragen" in html  # the instrument's intro
    assert "Deze vragenlijst is anoniem." in html
    assert "tot en met 20 juni 2025" in html
    # One fieldset with a legend per statement; five points and 'don't know' each.
    assert html.count("<fieldset") == len(ITEMS) == html.count("<legend")
    assert "Hoeveel energie zit er op dit moment in de samenwerking?" in html
    for value in ("1", "2", "3", "4", "5", "weet-niet"):
        assert f'id="vraag-energy_now-{value}"' in html
    assert "1 – Heel weinig" in html
    assert "Weet ik niet" in html
    assert 'name="instrument_version" value="1"' in html
    assert "Tussentijds opslaan" in html
    assert "Versturen" in html
    assert "Uitloggen" not in html
    assert "Hoofdmenu" not in html
    assert not checked(html)


def test_a_named_round_says_so_up_front(coalition, django_capture_on_commit_callbacks):
    scan_round = open_round(coalition, django_capture_on_commit_callbacks, anonymous=False)
    html = Client().get(link(scan_round.respondents.get())).content.decode()
    assert "Deze vragenlijst is niet anoniem." in html
    assert "Deze vragenlijst is anoniem." not in html


def test_a_logged_in_member_of_another_coalition_sees_no_coalition_menu(respondent):
    own = MembershipFactory(coordinator=True)
    html = client_for(own.user).get(link(respondent)).content.decode()
    assert "Hoofdmenu" in html  # their own menu, of their own coalition…
    assert str(own.coalition.uuid) in html
    # …without links into the coalition of the questionnaire
    assert str(respondent.round.coalition.uuid) not in html


# --- drafts -----------------------------------------------------------------------------------


def test_a_draft_is_saved_and_comes_back_prefilled(respondent):
    url = link(respondent)
    client = Client()
    draft = {"vraag-energy_now": "3", "vraag-attendance_meetings": "weet-niet"}
    response = post(url, draft, action="draft", client=client)
    assert response.status_code == 302
    assert response["Location"] == url
    assert_private(response)

    saved = Response.objects.get()
    assert saved.status == ResponseStatus.DRAFT
    assert saved.answers == {"energy_now": 3, "attendance_meetings": None}
    respondent.refresh_from_db()
    assert respondent.responded is False

    # Coming back later (another browser: only the link counts).
    html = Client().get(url).content.decode()
    assert checked(html) == {"vraag-energy_now-3", "vraag-attendance_meetings-weet-niet"}
    assert "eerder opgeslagen antwoorden" in html
    # The message after saving is shown once, in the browser that saved.
    assert "tussentijds opgeslagen" in client.get(url).content.decode()


def test_saving_a_draft_again_replaces_it(respondent):
    url = link(respondent)
    post(url, {"vraag-energy_now": "3"}, action="draft")
    post(url, {"vraag-energy_now": "1", "vraag-energy_own": "2"}, action="draft")
    assert Response.objects.get().answers == {"energy_now": 1, "energy_own": 2}


def test_an_empty_draft_is_allowed(respondent):
    assert post(link(respondent), {}, action="draft").status_code == 302


# --- submitting -------------------------------------------------------------------------------


def test_submitting_a_complete_questionnaire_shows_thanks(respondent):
    url = link(respondent)
    post(url, {"vraag-energy_now": "2"}, action="draft")
    response = post(url, COMPLETE)
    assert response.status_code == 302
    assert response["Location"] == f"{url}?verstuurd=1"
    thanks = Client().get(response["Location"])
    assert thanks.status_code == 200
    assert "Dank u wel" in thanks.content.decode()
    assert_private(thanks)

    respondent.refresh_from_db()
    assert respondent.responded
    (stored,) = Response.objects.all()
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.answers == {
        "energy_now": 4,
        "energy_own": 5,
        "attendance_meetings": None,
        "delivery_agreements": 2,
    }


def test_an_anonymous_response_keeps_no_trace_of_who_gave_it(respondent):
    url = link(respondent)
    post(url, {"vraag-energy_now": "2"}, action="draft")
    draft = Response.objects.get()
    assert draft.respondent is None
    assert draft.partner is None
    assert draft.draft_key  # only the link leads back to the draft

    post(url, COMPLETE)
    stored = Response.objects.get()
    assert stored.respondent is None
    assert stored.partner is None
    assert stored.draft_key is None
    assert (stored.partner_kind, stored.circle) == ("welfare", "active")
    assert stored.submitted_on == datetime.date(2025, 6, 2)
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.round == respondent.round


def test_a_named_response_is_linked_to_the_respondent(
    coalition, django_capture_on_commit_callbacks
):
    scan_round = open_round(coalition, django_capture_on_commit_callbacks, anonymous=False)
    respondent = scan_round.respondents.get()
    post(link(respondent), COMPLETE)
    stored = Response.objects.get()
    assert (stored.respondent, stored.partner) == (respondent, respondent.partner)
    assert stored.draft_key is None


def test_after_submitting_the_link_answers_410_already_answered(respondent):
    url = link(respondent)
    post(url, COMPLETE)
    for response in (Client().get(url), post(url, {**COMPLETE, "vraag-energy_now": "1"})):
        assert response.status_code == 410
        html = response.content.decode()
        assert "al ingevuld" in html
        assert "<form" not in html.split("<main", 1)[1].split("</main>")[0]
        assert_private(response)
    assert Response.objects.get().answers["energy_now"] == 4


def test_the_thanks_flag_does_not_open_an_unanswered_questionnaire_elsewhere(respondent):
    response = Client().get(link(respondent) + "?verstuurd=1")
    assert response.status_code == 200
    assert "Dank u wel" not in response.content.decode()
    assert "<fieldset" in response.content.decode()


def test_a_closed_round_answers_410(anonymous_round, respondent):
    services.close_round(anonymous_round, acting_user=None)
    for response in (Client().get(link(respondent)), post(link(respondent), COMPLETE)):
        assert response.status_code == 410
        assert "gesloten" in response.content.decode()
    assert not Response.objects.exists()


def test_a_round_past_its_closing_date_answers_410_before_the_daily_job_closes_it(
    respondent, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 6, 20, 22, 30, tzinfo=datetime.UTC), tick=False)
    assert Client().get(link(respondent)).status_code == 410  # 00:30 on 21 June in Amsterdam
    assert Round.objects.get().status == RoundStatus.OPEN
    assert post(link(respondent), COMPLETE).status_code == 410
    assert not Response.objects.exists()


def test_the_last_day_still_counts(respondent, time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 20, 21, 0, tzinfo=datetime.UTC), tick=False)
    assert Client().get(link(respondent)).status_code == 200  # 20 June, 23:00 in Amsterdam


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["submit", "draft"])
@pytest.mark.parametrize("value", ["7", "0", "-1", "drie", "3.5"])
def test_a_value_off_the_scale_is_refused_at_its_item_and_nothing_is_saved(
    respondent, action, value
):
    url = link(respondent)
    post(url, {"vraag-energy_own": "1"}, action="draft")
    response = post(url, {**COMPLETE, "vraag-energy_now": value}, action=action)
    html = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert "Kies een waarde van 1 tot 5 of &#x27;Weet ik niet&#x27;." in html
    assert 'aria-describedby="vraag-energy_now-fout"' in html
    assert 'id="vraag-energy_now-fout"' in html
    assert 'href="#vraag-energy_now-1"' in html  # the error summary leads to the item
    assert html.count("utrecht-form-field-error-message") == 1
    # What was posted stays on the page; nothing of it was stored.
    assert checked(html) == {
        "vraag-energy_own-5",
        "vraag-attendance_meetings-weet-niet",
        "vraag-delivery_agreements-2",
    }
    assert Response.objects.get().answers == {"energy_own": 1}
    respondent.refresh_from_db()
    assert not respondent.responded


def test_missing_answers_block_sending_but_the_draft_stays(respondent):
    url = link(respondent)
    post(url, {"vraag-energy_now": "3"}, action="draft")
    response = post(url, {"vraag-energy_now": "3", "vraag-energy_own": "4"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Uw antwoorden zijn nog niet verstuurd." in html
    assert html.count("Beantwoord deze vraag of kies &#x27;Weet ik niet&#x27;.") == 2 * 2
    for key in ("attendance_meetings", "delivery_agreements"):
        assert f'href="#vraag-{key}-1"' in html
        assert f'id="vraag-{key}-fout"' in html
    assert 'id="vraag-energy_now-fout"' not in html
    assert Response.objects.get().answers == {"energy_now": 3}
    assert Response.objects.get().status == ResponseStatus.DRAFT

    # The same incomplete answers are fine as a draft.
    assert post(url, {"vraag-energy_now": "3", "vraag-energy_own": "4"}, "draft").status_code == 302
    assert Response.objects.get().answers == {"energy_now": 3, "energy_own": 4}


@pytest.mark.parametrize("version", ["2", "0", "", "twee", None])
def test_a_wrong_instrument_version_gets_a_clear_message(respondent, version):
    response = post(link(respondent), COMPLETE, version=version)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze vragenlijst is intussen gewijzigd" in html
    assert not Response.objects.exists()
    respondent.refresh_from_db()
    assert not respondent.responded


def test_answers_to_unknown_questions_are_ignored(respondent):
    post(link(respondent), {**COMPLETE, "vraag-bestaat_niet": "3", "energy_now": "1"})
    assert set(Response.objects.get().answers) == set(ITEMS)


def test_the_page_title_says_there_is_an_error(respondent):
    html = post(link(respondent), {}).content.decode()
    assert "<title>Fout: Pulscheck" in html


def test_respondents_of_one_round_do_not_see_each_others_drafts(
    coalition, django_capture_on_commit_callbacks
):
    scan_round = open_round(coalition, django_capture_on_commit_callbacks, n=2)
    first, second = scan_round.respondents.order_by("name")
    post(link(first), {"vraag-energy_now": "5"}, action="draft")
    assert not checked(Client().get(link(second)).content.decode())
    post(link(second), {"vraag-energy_now": "1"}, action="draft")
    assert checked(Client().get(link(first)).content.decode()) == {"vraag-energy_now-5"}
    assert Response.objects.count() == 2


def test_the_link_needs_no_account_and_no_coalition_membership(respondent):
    assert Respondent.find(respondent.link_token) == respondent
    response = Client().get(link(respondent))
    assert response.status_code == 200  # not a redirect to the login page

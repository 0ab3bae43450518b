"""Scan rounds for the coordinator: create, open (invite), close, remind; who may do what."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.partners.models import ContactPerson
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans import services
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 2)
BASE_URL = "https://samenspel.test"  # SITE_URL in the test settings


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC), tick=False)


def contact(partner, name, email="", *, primary=False):
    return ContactPerson.objects.create(partner=partner, name=name, email=email, is_primary=primary)


@pytest.fixture
def people(coalition):
    """Two partners with contacts: primary and not, with and without e-mail; a former partner."""
    welfare = PartnerFactory(coalition=coalition, name="Welzijn Oost")
    municipality = PartnerFactory(coalition=coalition, name="Gemeente", kind="municipality")
    library = PartnerFactory(coalition=coalition, name="Bibliotheek", roles=["process_lead"])
    former = PartnerFactory(coalition=coalition, name="Vertrokken", left_on=TODAY)
    return {
        "anna": contact(welfare, "Anna de Vries", "anna@welzijn.nl", primary=True),
        "bert": contact(welfare, "Bert Jansen", "bert@welzijn.nl"),
        "no_email": contact(welfare, "Carla Zonder", ""),
        "gerda": contact(municipality, "Gerda Gemeente", "gerda@gemeente.nl"),
        "lies": contact(library, "Lies Boek", "lies@bieb.nl", primary=True),
        "former": contact(former, "Oud Lid", "oud@weg.nl", primary=True),
    }


def create_url(coalition, query=""):
    url = reverse("scans:round_create", args=[coalition.uuid])
    return f"{url}?{query}" if query else url


def valid_data(people, **changes):
    data = {
        "instrument_key": "pulse",
        "title": "Voorjaar 2025",
        "anonymous": "on",
        "closes_on": "2025-06-20",
        "contacts": [str(people["anna"].uuid), str(people["bert"].uuid)],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_round(coalition, people, *, anonymous=True, names=("anna", "bert"), key="pulse"):
    return services.create_round(
        coalition,
        acting_user=coalition.memberships.first().user,
        instrument_key=key,
        title="Voorjaar 2025",
        anonymous=anonymous,
        closes_on=datetime.date(2025, 6, 20),
        contacts=[people[name] for name in names],
    )


def open_(scan_round, capture):
    with capture(execute=True):
        services.open_round(scan_round, acting_user=scan_round.created_by)
    scan_round.refresh_from_db()
    return scan_round


# --- creating ---------------------------------------------------------------------------------


def test_the_form_offers_current_contacts_with_email_grouped_per_partner(
    coordinator_client, coalition, people
):
    response = coordinator_client.get(create_url(coalition))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("anna", "bert", "gerda", "lies"):
        assert str(people[name].uuid) in html
    assert str(people["no_email"].uuid) not in html
    assert str(people["former"].uuid) not in html
    assert "<legend" in html
    assert "Welzijn Oost" in html
    # A questionnaire for partners: the primary contacts are ticked.
    form = response.context["form"]
    assert set(form.initial["contacts"]) == {str(people["anna"].uuid), str(people["lies"].uuid)}
    assert form.fields["anonymous"].initial is True
    assert "Anoniem betekent" in html


def test_a_questionnaire_for_the_coordination_ticks_municipality_and_process_leads(
    coordinator_client, coalition, people
):
    response = coordinator_client.get(create_url(coalition, "vragenlijst=pillars"))
    form = response.context["form"]
    assert form.initial["instrument_key"] == "pillars"
    assert set(form.initial["contacts"]) == {str(people["gerda"].uuid), str(people["lies"].uuid)}


def test_coordinator_creates_a_draft_round(coordinator_client, coordinator, coalition, people):
    response = coordinator_client.post(create_url(coalition), valid_data(people))
    scan_round = Round.objects.get(coalition=coalition)
    assert response.status_code == 302
    assert response["Location"] == reverse("scans:round", args=[coalition.uuid, scan_round.uuid])
    assert (scan_round.status, scan_round.anonymous, scan_round.instrument_key) == (
        RoundStatus.DRAFT,
        True,
        "pulse",
    )
    assert scan_round.instrument_version == 1
    assert sorted(scan_round.respondents.values_list("email", flat=True)) == [
        "anna@welzijn.nl",
        "bert@welzijn.nl",
    ]
    event = AuditEvent.objects.get(action="scan_round.created", object_uuid=scan_round.uuid)
    assert event.actor == coordinator.user
    assert event.changes["context"]["respondents"] == 2
    assert not mail.outbox  # nothing is sent before the round is opened


def test_an_unticked_checkbox_makes_a_named_round(coordinator_client, coalition, people):
    coordinator_client.post(create_url(coalition), valid_data(people, anonymous=None))
    assert Round.objects.get().anonymous is False


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"contacts": None}, "contacts", "Kies ten minste één contactpersoon"),
        ({"closes_on": "2025-06-01"}, "closes_on", "na vandaag"),
        ({"closes_on": "2025-06-02"}, "closes_on", "na vandaag"),
        ({"closes_on": "morgen"}, "closes_on", "geldige datum"),
        ({"title": ""}, "title", "Geef de ronde een titel"),
        ({"title": "   "}, "title", "Geef de ronde een titel"),
        ({"title": "t" * 151}, "title", "hoogstens 150 tekens"),
        ({"instrument_key": "onbekend"}, "instrument_key", "een van de mogelijkheden uit de lijst"),
    ],
)
def test_bad_round_input_is_refused_at_the_field(
    coordinator_client, coalition, people, changes, field, message
):
    response = coordinator_client.post(create_url(coalition), valid_data(people, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Round.objects.exists()
    assert not AuditEvent.objects.filter(action="scan_round.created").exists()


def test_a_contact_of_another_coalition_cannot_be_invited(coordinator_client, coalition, people):
    outsider = contact(PartnerFactory(), "Buiten Staander", "buiten@elders.nl", primary=True)
    response = coordinator_client.post(
        create_url(coalition), valid_data(people, contacts=[str(outsider.uuid)])
    )
    assert response.status_code == 200
    assert "hoort niet bij deze coalitie" in " ".join(response.context["form"].errors["contacts"])
    assert not Round.objects.exists()
    assert not Respondent.objects.exists()


@pytest.mark.parametrize("name", ["no_email", "former"])
def test_contacts_without_email_or_of_former_partners_cannot_be_invited(
    coordinator_client, coalition, people, name
):
    response = coordinator_client.post(
        create_url(coalition), valid_data(people, contacts=[str(people[name].uuid)])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["contacts"]
    assert not Round.objects.exists()


def test_the_service_refuses_contacts_of_another_coalition(coalition, people):
    """The write function guards tenancy too, whatever a caller hands it."""
    outsider = contact(PartnerFactory(), "Buiten Staander", "buiten@elders.nl")
    with pytest.raises(services.ValidationError) as error:
        services.create_round(
            coalition,
            acting_user=coalition.memberships.first().user,
            instrument_key="pulse",
            title="X",
            anonymous=True,
            closes_on=datetime.date(2025, 7, 1),
            contacts=[outsider],
        )
    assert "contacts" in error.value.error_dict


# --- opening and the invitation ---------------------------------------------------------------


def open_url(scan_round):
    return reverse("scans:round_open", args=[scan_round.coalition.uuid, scan_round.uuid])


def close_url(scan_round):
    return reverse("scans:round_close", args=[scan_round.coalition.uuid, scan_round.uuid])


def detail_url(scan_round):
    return reverse("scans:round", args=[scan_round.coalition.uuid, scan_round.uuid])


def test_opening_sends_one_invitation_per_respondent(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = make_round(coalition, people)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(open_url(scan_round))
    assert response.status_code == 302
    assert response["Location"] == detail_url(scan_round)
    scan_round.refresh_from_db()
    assert scan_round.status == RoundStatus.OPEN
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@welzijn.nl",
        "bert@welzijn.nl",
    ]
    for respondent in scan_round.respondents.all():
        (message,) = [m for m in mail.outbox if m.to == [respondent.email]]
        link = BASE_URL + reverse("scans:answer", args=[respondent.link_token])
        assert link in message.body
        assert "ANONIEM" in message.body
        assert "NIET anoniem" not in message.body
        assert respondent.invited_at is not None
    assert AuditEvent.objects.filter(action="scan_round.opened").count() == 1
    page = coordinator_client.get(response["Location"])
    assert "2 persoonlijke uitnodigingen" in page.content.decode()


def test_the_invitation_says_who_asks_why_how_long_until_when_and_not_to_forward(
    coalition, people, django_capture_on_commit_callbacks
):
    coordinator = coalition.memberships.first().user
    open_(
        make_round(coalition, people, anonymous=False, names=("anna",)),
        django_capture_on_commit_callbacks,
    )
    (message,) = mail.outbox
    assert message.subject == f"Vragenlijst 'Pulscheck' van {coalition.name}"
    body = message.body
    assert body.startswith("Beste Anna de Vries,")
    assert coordinator.full_name in body
    assert coalition.name in body
    assert "Welzijn Oost" in body
    assert "Waarom:" in body
    assert "ongeveer 1 min. (4 vragen)" in body
    assert "NIET anoniem" in body
    assert "ANONIEM" not in body
    assert "tot en met 20 juni 2025" in body
    assert "stuur hem niet door" in body
    assert "herinnering" not in body.lower()
    assert "&amp;" not in body
    assert "&#x27;" not in body


def test_opening_twice_sends_nothing_more(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(open_url(scan_round), follow=True)
    assert len(mail.outbox) == 2
    assert "al geopend" in response.content.decode()


def test_a_round_whose_closing_date_passed_cannot_be_opened(
    coordinator, coalition, people, time_machine
):
    scan_round = make_round(coalition, people)
    time_machine.move_to(datetime.datetime(2025, 6, 21, 10, tzinfo=datetime.UTC), tick=False)
    response = client_for(coordinator.user).post(open_url(scan_round), follow=True)
    assert "sluitdatum is al voorbij" in response.content.decode()
    scan_round.refresh_from_db()
    assert scan_round.status == RoundStatus.DRAFT
    assert not mail.outbox


# --- closing ----------------------------------------------------------------------------------


def test_closing_a_round_removes_unsent_drafts(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    anna = scan_round.respondents.get(email="anna@welzijn.nl")
    services.save_answers(
        anna, anna.link_token, answers={"energy_now": 3}, instrument_version=1, submit=False
    )
    response = coordinator_client.post(close_url(scan_round), follow=True)
    scan_round.refresh_from_db()
    assert scan_round.status == RoundStatus.CLOSED
    assert scan_round.closed_at
    assert "De ronde is gesloten" in response.content.decode()
    assert not Response.objects.filter(round=scan_round).exists()
    assert AuditEvent.objects.filter(action="scan_round.closed").count() == 1

    again = coordinator_client.post(close_url(scan_round), follow=True)
    assert "al gesloten" in again.content.decode()
    assert AuditEvent.objects.filter(action="scan_round.closed").count() == 1


# --- the list and the round page --------------------------------------------------------------


def test_round_list_shows_rounds_per_instrument_with_their_numbers(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    named = make_round(coalition, people, anonymous=False, key="conditions")
    response = coordinator_client.get(reverse("scans:rounds", args=[coalition.uuid]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pulscheck" in html
    assert "Vijf condities voor samenwerking" in html
    assert "0 van 2" in html
    assert "op naam" in html
    assert "anoniem" in html
    assert detail_url(named) in html
    assert reverse("scans:trend", args=[coalition.uuid, "pulse"]) in html
    assert create_url(coalition) in html


def test_round_list_uses_a_constant_number_of_queries(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    url = reverse("scans:rounds", args=[coalition.uuid])
    open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    coordinator_client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as one:
        coordinator_client.get(url)
    for key in ("pulse", "conditions", "motives", "pulse"):
        open_(make_round(coalition, people, key=key), django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as five:
        response = coordinator_client.get(url)
    assert len(response.context["groups"]) >= 3
    assert len(five) == len(one)


def test_results_are_linked_once_there_is_a_response(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    results = reverse("scans:results", args=[coalition.uuid, scan_round.uuid])
    list_url = reverse("scans:rounds", args=[coalition.uuid])
    assert results not in coordinator_client.get(list_url).content.decode()
    anna = scan_round.respondents.get(email="anna@welzijn.nl")
    services.save_answers(
        anna,
        anna.link_token,
        answers=dict.fromkeys(
            ["energy_now", "energy_own", "attendance_meetings", "delivery_agreements"], 4
        ),
        instrument_version=1,
        submit=True,
    )
    assert results in coordinator_client.get(list_url).content.decode()
    assert results in coordinator_client.get(detail_url(scan_round)).content.decode()


def test_the_round_page_shows_who_responded_in_an_anonymous_round_but_not_what(
    coordinator_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    anna = scan_round.respondents.get(email="anna@welzijn.nl")
    services.save_answers(
        anna,
        anna.link_token,
        answers={
            "energy_now": 5,
            "energy_own": 5,
            "attendance_meetings": 5,
            "delivery_agreements": None,
        },
        instrument_version=1,
        submit=True,
    )
    response = coordinator_client.get(detail_url(scan_round))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anonieme ronde" in html
    assert "niet terug te voeren" in html
    assert "1 van 2 geantwoord" in html
    rows = {r.name: r.responded for r in response.context["respondents"]}
    assert rows == {"Anna de Vries": True, "Bert Jansen": False}
    assert "Anna de Vries" in html
    assert "bert@welzijn.nl" in html
    # No answers anywhere on the page: no scale labels, no questions.
    for text in ("Heel veel", "Weet ik niet", "Hoeveel energie"):
        assert text not in html
    assert "Ronde sluiten" in html
    assert "Openen en uitnodigingen versturen" not in html


def test_a_draft_round_offers_opening(coordinator_client, coalition, people):
    html = coordinator_client.get(detail_url(make_round(coalition, people))).content.decode()
    assert "Openen en uitnodigingen versturen" in html
    assert "Ronde sluiten" not in html
    assert "2 personen een e-mail" in html


def test_readers_see_rounds_and_numbers_but_not_who_was_invited(
    reader_client, coalition, people, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    listing = reader_client.get(reverse("scans:rounds", args=[coalition.uuid]))
    assert listing.status_code == 200
    assert "Nieuwe ronde" not in listing.content.decode()
    response = reader_client.get(detail_url(scan_round))
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 van 2 geantwoord" in html
    assert "Anna de Vries" not in html
    assert "anna@welzijn.nl" not in html
    assert "Ronde sluiten" not in html
    assert response.context["respondents"] is None


# --- who may do what --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["read_only", "partner_member", "municipality", "advisor"])
def test_members_without_manage_scans_cannot_create_open_or_close(
    coalition, people, role, django_capture_on_commit_callbacks
):
    client = client_for(MembershipFactory(coalition=coalition, **{role: True}).user)
    draft = make_round(coalition, people)
    opened = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    assert client.get(create_url(coalition)).status_code == 403
    assert client.post(create_url(coalition), valid_data(people)).status_code == 403
    assert client.post(open_url(draft)).status_code == 403
    assert client.post(close_url(opened)).status_code == 403
    assert client.get(detail_url(opened)).status_code == 200
    draft.refresh_from_db()
    opened.refresh_from_db()
    assert (draft.status, opened.status) == (RoundStatus.DRAFT, RoundStatus.OPEN)
    assert Round.objects.count() == 2


def test_an_outsider_gets_404_everywhere(coalition, people):
    outsider = client_for(MembershipFactory(coordinator=True).user)
    scan_round = make_round(coalition, people)
    assert outsider.get(reverse("scans:rounds", args=[coalition.uuid])).status_code == 404
    assert outsider.get(create_url(coalition)).status_code == 404
    assert outsider.post(create_url(coalition), valid_data(people)).status_code == 404
    assert outsider.get(detail_url(scan_round)).status_code == 404
    assert outsider.post(open_url(scan_round)).status_code == 404
    assert outsider.post(close_url(scan_round)).status_code == 404
    scan_round.refresh_from_db()
    assert scan_round.status == RoundStatus.DRAFT


def test_a_round_of_another_coalition_is_not_found_under_ones_own(
    coordinator_client, coalition, people
):
    other = MembershipFactory(coordinator=True).coalition
    foreign = services.create_round(
        other,
        acting_user=other.memberships.first().user,
        instrument_key="pulse",
        title="Elders",
        anonymous=True,
        closes_on=datetime.date(2025, 7, 1),
        contacts=[contact(PartnerFactory(coalition=other), "X", "x@elders.nl")],
    )
    url = reverse("scans:round", args=[coalition.uuid, foreign.uuid])
    assert coordinator_client.get(url).status_code == 404
    assert (
        coordinator_client.post(
            reverse("scans:round_open", args=[coalition.uuid, foreign.uuid])
        ).status_code
        == 404
    )


def test_opening_needs_post(coordinator_client, coalition, people):
    scan_round = make_round(coalition, people)
    assert coordinator_client.get(open_url(scan_round)).status_code == 405
    assert coordinator_client.get(close_url(scan_round)).status_code == 405


# --- the daily command: closing and reminders -------------------------------------------------


def daily(capture, *args):
    from io import StringIO

    out = StringIO()
    with capture(execute=True):
        call_command("scan_rounds_daily", *args, stdout=out)
    return out.getvalue()


def reminders():
    return [m for m in mail.outbox if m.subject.startswith("Herinnering")]


def test_one_reminder_per_respondent_even_when_the_command_runs_twice(
    coalition, people, time_machine, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    mail.outbox.clear()

    time_machine.move_to(datetime.datetime(2025, 6, 6, 6, tzinfo=datetime.UTC), tick=False)
    assert "Herinneringen verstuurd: 0" in daily(django_capture_on_commit_callbacks)
    assert not mail.outbox  # four days: too early

    time_machine.move_to(datetime.datetime(2025, 6, 7, 6, tzinfo=datetime.UTC), tick=False)
    out = daily(django_capture_on_commit_callbacks)
    assert "Herinneringen verstuurd: 2" in out
    assert "Rondes gesloten: 0" in out
    assert sorted(m.to[0] for m in reminders()) == ["anna@welzijn.nl", "bert@welzijn.nl"]
    message = reminders()[0]
    assert "herinnering" in message.body.lower()
    respondent = scan_round.respondents.get(email=message.to[0])
    assert BASE_URL + reverse("scans:answer", args=[respondent.link_token]) in message.body

    assert "Herinneringen verstuurd: 0" in daily(django_capture_on_commit_callbacks)
    time_machine.move_to(datetime.datetime(2025, 6, 19, 6, tzinfo=datetime.UTC), tick=False)
    assert "Herinneringen verstuurd: 0" in daily(django_capture_on_commit_callbacks)
    assert len(reminders()) == 2


def test_no_reminder_after_responding(
    coalition, people, time_machine, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    anna = scan_round.respondents.get(email="anna@welzijn.nl")
    services.save_answers(
        anna,
        anna.link_token,
        answers=dict.fromkeys(
            ["energy_now", "energy_own", "attendance_meetings", "delivery_agreements"], 2
        ),
        instrument_version=1,
        submit=True,
    )
    time_machine.move_to(datetime.datetime(2025, 6, 10, 6, tzinfo=datetime.UTC), tick=False)
    daily(django_capture_on_commit_callbacks)
    assert [m.to for m in reminders()] == [["bert@welzijn.nl"]]


def test_a_round_closing_soon_reminds_early_but_not_on_the_day_of_the_invitation(
    coalition, people, time_machine, django_capture_on_commit_callbacks
):
    scan_round = make_round(coalition, people, names=("anna",))
    Round.objects.filter(pk=scan_round.pk).update(closes_on=datetime.date(2025, 6, 4))
    scan_round.refresh_from_db()
    open_(scan_round, django_capture_on_commit_callbacks)
    assert "Herinneringen verstuurd: 0" in daily(django_capture_on_commit_callbacks)
    time_machine.move_to(datetime.datetime(2025, 6, 3, 6, tzinfo=datetime.UTC), tick=False)
    assert "Herinneringen verstuurd: 1" in daily(django_capture_on_commit_callbacks)


def test_the_command_closes_expired_rounds_and_drops_their_drafts(
    coalition, people, time_machine, django_capture_on_commit_callbacks
):
    scan_round = open_(make_round(coalition, people), django_capture_on_commit_callbacks)
    anna = scan_round.respondents.get(email="anna@welzijn.nl")
    services.save_answers(
        anna, anna.link_token, answers={"energy_now": 1}, instrument_version=1, submit=False
    )
    time_machine.move_to(datetime.datetime(2025, 6, 20, 20, tzinfo=datetime.UTC), tick=False)
    assert "Rondes gesloten: 0" in daily(django_capture_on_commit_callbacks)  # last day
    time_machine.move_to(datetime.datetime(2025, 6, 21, 6, tzinfo=datetime.UTC), tick=False)
    out = daily(django_capture_on_commit_callbacks)
    assert "Rondes gesloten: 1" in out
    assert "Herinneringen verstuurd: 0" in out
    scan_round.refresh_from_db()
    assert scan_round.status == RoundStatus.CLOSED
    assert not Response.objects.filter(status=ResponseStatus.DRAFT).exists()
    event = AuditEvent.objects.get(action="scan_round.closed")
    assert event.actor is None
    assert "Rondes gesloten: 0" in daily(django_capture_on_commit_callbacks)


def test_the_links_in_reminders_are_on_the_site_s_public_address(
    coalition, people, time_machine, django_capture_on_commit_callbacks, settings
):
    open_(make_round(coalition, people, names=("anna",)), django_capture_on_commit_callbacks)
    settings.SITE_URL = "https://samen.example.nl"
    time_machine.move_to(datetime.datetime(2025, 6, 8, 6, tzinfo=datetime.UTC), tick=False)
    daily(django_capture_on_commit_callbacks)
    assert "https://samen.example.nl/scan/" in reminders()[0].body

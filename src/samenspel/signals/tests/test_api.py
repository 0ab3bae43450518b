"""API v1 for signals: the same rules as the pages. A signal exists only for its holder's
members, its routes need a token issued with a second factor, every read of personal data is
logged, and bad input changes nothing."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from samenspel.accounts import two_factor
from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, MembershipFactory, api_client_for
from samenspel.accounts.tests.test_token_second_factor import _now
from samenspel.accounts.tests.test_tokens import obtain
from samenspel.activities.models import Activity
from samenspel.activities.tests.test_api import invalid
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import ReadEvent
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.signals import services
from samenspel.signals.models import Purpose, Signal
from samenspel.signals.tests.factories import (
    RESIDENT,
    ActivityFactory,
    SignalFactory,
    api_client_with_second_factor,
    record_consents,
    setup_signals,
)
from samenspel.signals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db(databases=["default", "audit"])

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def scene(time_machine):
    """The signals' organisations and members, on a Monday morning."""
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    return setup_signals()


def url(scene, suffix=""):
    return f"/api/v1/coalitions/{scene.coalition.uuid}/signals/{suffix}"


def one(scene, signal, suffix=""):
    return url(scene, f"{signal.uuid}/{suffix}")


def _snapshot(signal: Signal) -> tuple:
    signal.refresh_from_db()
    return (
        signal.status,
        signal.holder_id,
        signal.handling_id,
        signal.handovers.count(),
        signal.consents.count(),
    )


def test_the_holder_reads_the_signal_with_a_second_factor_and_the_read_is_logged(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)

    response = client.get(one(scene, signal), REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 200
    body = response.json()
    assert body["resident_name"] == RESIDENT["resident_name"]
    assert body["situation"] == RESIDENT["situation"]
    assert body["signs"] == ["recent_loss", "withdraws"]
    read = ReadEvent.objects.using("audit").get()
    assert (read.actor_id, read.object_uuid, read.purpose, read.ip_address) == (
        scene.intake_member.user.pk,
        signal.uuid,
        "signaal bekeken",
        "192.0.2.7",
    )


def test_a_token_without_second_factor_reads_no_personal_field(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_for(scene.intake_member.user, with_token=True)

    for suffix in ("", "reads/", "export/", "consents/"):
        response = client.get(one(scene, signal, suffix))
        assert response.status_code == 403, suffix
        assert "tweede factor" in response.json()["detail"]
        assert RESIDENT["resident_name"] not in response.content.decode()
    assert client.post(one(scene, signal, "steps/"), {"status": "in_triage"}).status_code == 403
    assert not ReadEvent.objects.using("audit").exists()
    assert _snapshot(signal)[0] == Status.RECEIVED


def test_a_token_issued_with_otp_reads_the_signal(scene):
    user = scene.intake_member.user
    device = two_factor.pending_app_device(user)
    two_factor.confirm_app_device(device, _now(device))
    next_code = datetime.timedelta(seconds=31)  # a code is accepted only once
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    with time_machine.travel(timezone.now() + next_code, tick=False):
        token = obtain(APIClient(), user.email, DEFAULT_PASSWORD, otp=_now(device)).json()
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token['token']}")

    assert token["second_factor"] is True
    assert client.get(one(scene, signal)).json()["resident_name"] == RESIDENT["resident_name"]


@pytest.mark.parametrize("who", ["coordinator", "other_member", "handler_member"])
def test_a_signal_does_not_exist_for_anyone_but_its_holder(scene, who):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(getattr(scene, who).user)

    for suffix in ("", "reads/", "export/", "consents/"):
        assert client.get(one(scene, signal, suffix)).status_code == 404
    assert client.post(one(scene, signal, "steps/"), {"status": "in_triage"}).status_code == 404
    assert _snapshot(signal)[0] == Status.RECEIVED


def test_the_list_shows_the_organisations_own_signals_without_personal_fields(
    scene, django_assert_max_num_queries
):
    client = api_client_with_second_factor(scene.intake_member.user)
    mine = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    SignalFactory(coalition=scene.coalition, intake=scene.intake, holder=scene.handler)
    client.get(url(scene))
    with django_assert_max_num_queries(12) as few:
        response = client.get(url(scene))
    assert [row["uuid"] for row in response.json()["results"]] == [str(mine.uuid)]
    assert RESIDENT["resident_name"] not in response.content.decode()
    for _n in range(20):
        SignalFactory(coalition=scene.coalition, intake=scene.intake)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(url(scene)).json()["results"]) == 21


def test_a_partner_member_records_a_signal_and_hears_only_its_status(scene):
    client = api_client_with_second_factor(scene.other_member.user)

    response = client.post(
        url(scene),
        {
            **RESIDENT,
            "awareness": "agrees",
            "signs": ["recent_loss"],
            "consent_purposes": ["handover"],
            "consent_method": "phone",
        },
    )

    assert response.status_code == 201, response.content
    assert response.json()["status"] == Status.RECEIVED
    assert RESIDENT["resident_name"] not in response.content.decode()
    signal = Signal.objects.correlated().get(uuid=response.json()["uuid"])
    assert (signal.holder, signal.resident_name) == (scene.intake, RESIDENT["resident_name"])
    assert signal.consents.get().purpose == Purpose.HANDOVER


def test_recording_without_the_consent_that_was_said_to_be_given_saves_nothing(scene):
    client = api_client_with_second_factor(scene.other_member.user)

    errors = invalid(client.post(url(scene), {**RESIDENT, "awareness": "agrees"}))

    assert errors == {"consent_purposes": "Kies waarvoor de inwoner toestemming gaf."}
    assert not Signal.objects.correlated().exists()


def test_a_member_without_a_partner_organisation_cannot_record(scene):
    response = api_client_with_second_factor(scene.coordinator.user).post(
        url(scene), {**RESIDENT, "awareness": "unaware"}
    )
    assert response.status_code == 403
    assert "partnerorganisatie" in response.json()["detail"]
    assert not Signal.objects.correlated().exists()


def test_a_wijk_of_another_coalition_is_refused(scene):
    elsewhere = CoalitionFactory().neighbourhoods.create(name="Elders")
    client = api_client_with_second_factor(scene.other_member.user)
    errors = invalid(
        client.post(
            url(scene), {**RESIDENT, "awareness": "unaware", "neighbourhood": str(elsewhere.uuid)}
        )
    )
    assert errors == {"neighbourhood": "Deze wijk hoort niet bij deze coalitie."}
    assert not Signal.objects.correlated().exists()


def test_the_whole_follow_up_through_the_api(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    record_consents(signal, scene.intake_member.user, purpose=Purpose.HANDOVER)
    intake = api_client_with_second_factor(scene.intake_member.user)
    handler = api_client_with_second_factor(scene.handler_member.user)
    activity = ActivityFactory(coalition=scene.coalition)

    assert intake.post(one(scene, signal, "steps/"), {"status": "in_triage"}).json()["status"] == (
        Status.IN_TRIAGE
    )
    handed = intake.post(one(scene, signal, "handover/"), {"to": str(scene.handler.uuid)})
    assert handed.status_code == 200, handed.content
    assert handed.json()["status"] == Status.HANDED_OVER
    assert intake.get(one(scene, signal)).status_code == 404  # it left the intake organisation
    assert handler.post(one(scene, signal, "decision/"), {"accept": True}).json()["status"] == (
        Status.ACCEPTED
    )
    assert handler.post(one(scene, signal, "steps/"), {"status": "contact_made"}).status_code == 200
    referred = handler.post(one(scene, signal, "referral/"), {"activity": str(activity.uuid)})
    assert referred.json()["status"] == Status.REFERRED
    closed = handler.post(one(scene, signal, "steps/"), {"status": "closed", "outcome": "referred"})
    assert closed.json()["status"] == Status.CLOSED
    signal.refresh_from_db()
    assert (signal.activity, signal.outcome) == (activity, Outcome.REFERRED)
    assert signal.first_contact_at is not None


def test_a_declined_handover_needs_a_reason_and_goes_back_to_triage(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    services.hand_over(
        signal, scene.handler, acting_user=scene.intake_member.user, exception_reason="Zorg"
    )
    handler = api_client_with_second_factor(scene.handler_member.user)
    before = _snapshot(signal)

    errors = invalid(handler.post(one(scene, signal, "decision/"), {"accept": False}))
    assert errors == {"reason": "Geef een reden waarom u de overdracht afwijst."}
    assert _snapshot(signal) == before

    response = handler.post(one(scene, signal, "decision/"), {"accept": False, "reason": "Vol"})
    assert response.json()["status"] == Status.IN_TRIAGE
    assert _snapshot(signal)[1] == scene.intake.pk


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {},
            "exception_reason",
            "Overdragen kan alleen met toestemming van de inwoner voor overdracht, of met een "
            "vastgelegde reden waarom het zonder toestemming moet.",
        ),
        (
            {"exception_reason": "Ernstige zorg", "answer_by": "2026-11-20"},
            "answer_by",
            "Deze datum ligt in het verleden.",
        ),
        (
            {"exception_reason": "Ernstige zorg", "to": "outsider"},
            "to",
            "Deze organisatie hoort niet bij deze coalitie.",
        ),
    ],
)
def test_a_bad_handover_gets_a_dutch_message_and_changes_nothing(scene, body, field, message):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    outsider = PartnerFactory(coalition=CoalitionFactory())
    to = outsider if body.get("to") == "outsider" else scene.handler
    client = api_client_with_second_factor(scene.intake_member.user)
    before = _snapshot(signal)

    errors = invalid(client.post(one(scene, signal, "handover/"), {**body, "to": str(to.uuid)}))

    assert errors == {field: message}
    assert _snapshot(signal) == before


def test_a_step_that_does_not_fit_the_status_is_refused(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)
    errors = invalid(client.post(one(scene, signal, "steps/"), {"status": "contact_made"}))
    assert "past niet bij de huidige status" in errors["status"]
    assert _snapshot(signal)[0] == Status.RECEIVED


def test_a_referral_to_another_coalitions_activity_is_refused(scene):
    signal = SignalFactory(
        coalition=scene.coalition, intake=scene.intake, status=Status.CONTACT_MADE
    )
    foreign = ActivityFactory()
    client = api_client_with_second_factor(scene.intake_member.user)
    errors = invalid(client.post(one(scene, signal, "referral/"), {"activity": str(foreign.uuid)}))
    assert errors == {"activity": "Deze activiteit hoort niet bij het aanbod van deze coalitie."}
    assert _snapshot(signal)[0] == Status.CONTACT_MADE
    assert not Activity.objects.of_coalition(foreign.coalition).filter(referrals__isnull=False)


def test_consent_is_recorded_and_its_withdrawal_closes_the_signal(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)

    future = {"purpose": "visit", "method": "phone", "given_on": "2026-12-01"}
    assert invalid(client.post(one(scene, signal, "consents/"), future)) == {
        "given_on": "Deze datum ligt in de toekomst."
    }
    created = client.post(one(scene, signal, "consents/"), {**future, "given_on": "2026-11-20"})
    assert created.status_code == 201, created.content
    consent = created.json()["uuid"]
    assert [c["uuid"] for c in client.get(one(scene, signal, "consents/")).json()] == [consent]

    withdrawn = client.post(one(scene, signal, f"consents/{consent}/withdraw/"))
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn_at"] is not None
    signal.refresh_from_db()
    assert (signal.status, signal.outcome) == (Status.CLOSED, Outcome.WITHDRAWN)
    again = client.post(one(scene, signal, f"consents/{consent}/withdraw/"))
    assert invalid(again) == {"non_field_errors": "Deze toestemming is al ingetrokken."}


def test_the_read_log_and_the_export_show_who_looked(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)
    client.get(one(scene, signal))

    export = client.get(one(scene, signal, "export/"))
    reads = client.get(one(scene, signal, "reads/")).json()

    assert export.json()["gegevens"]["resident_name"] == RESIDENT["resident_name"]
    assert [read["purpose"] for read in reads] == ["inzage-export", "signaal bekeken"]
    assert reads[0]["who"] == scene.intake_member.user.full_name


def test_erasing_closes_the_signal_and_blanks_the_resident(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)

    assert client.post(one(scene, signal, "erase/")).json()["status"] == Status.CLOSED
    signal.refresh_from_db()
    assert (signal.resident_name, signal.anonymised_at is not None) == ("", True)


@pytest.mark.parametrize("who", ["coordinator", "municipality", "advisor"])
def test_the_coalition_sees_the_figures_with_small_numbers_hidden(scene, who):
    for _n in range(3):
        SignalFactory(coalition=scene.coalition, intake=scene.intake)
    memberships = {
        "coordinator": scene.coordinator,
        "municipality": MembershipFactory(coalition=scene.coalition, municipality=True),
        "advisor": MembershipFactory(coalition=scene.coalition, advisor=True),
    }
    client = api_client_for(memberships[who].user)

    response = client.get(url(scene, "figures/"))

    assert response.status_code == 200
    tables = response.json()
    assert [table["key"] for table in tables] == ["source", "wijk", "outcome", "wait"]
    assert all(table["grand"] is None for table in tables)  # 3 signals: under 10
    assert RESIDENT["resident_name"] not in response.content.decode()


S = "/api/v1/coalitions/{coalition}/signals/"
ONE = S + "{signal}/"
DOCUMENTED = {
    S: {"get", "post"},
    S + "figures/": {"get"},
    S + "settings/": {"get", "patch"},
    ONE: {"get"},
    **{ONE + tail: {"post"} for tail in ("steps/", "handover/", "decision/", "referral/")},
    ONE + "consents/": {"get", "post"},
    ONE + "consents/{consent}/withdraw/": {"post"},
    ONE + "reads/": {"get"},
    ONE + "export/": {"get"},
    ONE + "erase/": {"post"},
}


def test_every_signal_route_is_in_the_openapi_document(scene):
    paths = api_client_for(scene.coordinator.user).get("/api/v1/openapi.json").json()["paths"]

    assert {route: set(paths[route]) - {"parameters"} for route in DOCUMENTED} == DOCUMENTED
    figures = paths[S + "figures/"]["get"]["responses"]["200"]["content"]
    assert figures["application/json"]["schema"]["type"] == "array"  # not paginated


def test_the_signal_takes_a_fixed_number_of_queries_however_many_consents(
    scene, django_assert_max_num_queries
):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = api_client_with_second_factor(scene.intake_member.user)
    client.get(one(scene, signal))
    with django_assert_max_num_queries(20) as few:
        client.get(one(scene, signal))
    record_consents(signal, scene.intake_member.user, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(one(scene, signal)).json()["consents"]) == 5


def test_the_coordinator_chooses_the_intake_organisation(scene):
    coalition = CoalitionFactory()
    coordinator = MembershipFactory(coalition=coalition, coordinator=True)
    welfare = PartnerFactory(coalition=coalition)
    client = api_client_for(coordinator.user)
    settings = f"/api/v1/coalitions/{coalition.uuid}/signals/settings/"

    assert client.get(settings).status_code == 404
    assert invalid(client.patch(settings, {"meldpunt_open": True})) == {
        "intake": "Dit veld mag niet leeg zijn."
    }
    foreign = {"intake": str(scene.intake.uuid)}
    assert invalid(client.patch(settings, foreign)) == {
        "intake": "Deze organisatie hoort niet bij deze coalitie."
    }
    saved = client.patch(settings, {"intake": str(welfare.uuid), "meldpunt_open": True})
    assert saved.status_code == 200, saved.content
    assert client.get(settings).json() == {
        "intake": str(welfare.uuid),
        "meldpunt_open": True,
        "urgent_help": "",
    }
    member = MembershipFactory(coalition=coalition, partner_member=True, partner=welfare)
    assert api_client_for(member.user).get(settings).status_code == 403

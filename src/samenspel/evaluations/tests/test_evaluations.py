"""Evaluation moments and evaluations: rules, pages, permissions, reminders, API (the advice that
reads them is tested with the advice rules)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.evaluations import services
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.evaluations.reminders import evaluation_moment_due
from samenspel.evaluations.selectors import suggested_date
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)
PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost", start_date=datetime.date(2023, 1, 1))


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True, user__email="coo@oost.nl").user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True).user


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Welzijn Oost")


def api_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    client.default_format = "json"  # the API reads JSON bodies only
    client.force_authenticate(user)
    return client


TEXTS = {
    "successes": "Drie nieuwe huiskamers",
    "bottlenecks": "De bibliotheek haakt af",
    "continuation": "Vaker overleg met de kern",
}


def record(coalition, user, **fields):
    values = {"held_on": datetime.date(2026, 11, 1), **TEXTS, **fields}
    return services.record_evaluation(coalition, acting_user=user, **values)


# --- moments --------------------------------------------------------------------------------------


def test_planning_a_moment_writes_an_audit_record(coalition, coordinator):
    moment = services.plan_moment(
        coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 1)
    )
    assert moment.status == MomentStatus.PLANNED
    assert AuditEvent.objects.filter(action="evaluation_moment.planned").count() == 1


def test_one_planned_moment_per_year(coalition, coordinator):
    services.plan_moment(coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 1))
    with pytest.raises(ValidationError) as error:
        services.plan_moment(
            coalition, acting_user=coordinator, planned_on=datetime.date(2027, 9, 1)
        )
    assert (
        "Er is al een evaluatiemoment gepland in 2027" in error.value.message_dict["planned_on"][0]
    )
    assert EvaluationMoment.objects.count() == 1
    services.plan_moment(coalition, acting_user=coordinator, planned_on=datetime.date(2028, 3, 1))


def test_a_moment_is_not_planned_in_the_past(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        services.plan_moment(
            coalition, acting_user=coordinator, planned_on=datetime.date(2026, 11, 22)
        )
    assert error.value.message_dict["planned_on"] == [
        "Plan een evaluatiemoment vandaag of later, niet in het verleden."
    ]
    assert not EvaluationMoment.objects.exists()


def test_rescheduling_and_cancelling(coalition, coordinator):
    moment = services.plan_moment(
        coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 1)
    )
    services.update_moment(moment, acting_user=coordinator, planned_on=datetime.date(2027, 4, 1))
    services.update_moment(moment, acting_user=coordinator, status=MomentStatus.CANCELLED)
    moment.refresh_from_db()
    assert (moment.planned_on, moment.status) == (datetime.date(2027, 4, 1), "cancelled")
    assert AuditEvent.objects.filter(action="evaluation_moment.updated").count() == 2


def test_the_next_moment_is_suggested_a_year_after_the_last_evaluation():
    assert suggested_date(datetime.date(2026, 3, 1), TODAY) == datetime.date(2027, 3, 1)
    assert suggested_date(datetime.date(2024, 2, 29), TODAY) == TODAY  # overdue: now
    assert suggested_date(None, TODAY) is None


# --- evaluations ----------------------------------------------------------------------------------


def test_recording_an_evaluation_marks_its_moment_held(coalition, coordinator, partner):
    moment = services.plan_moment(coalition, acting_user=coordinator, planned_on=TODAY)
    evaluation = record(
        coalition, coordinator, moment=moment, participants=[partner], held_on=TODAY
    )
    moment.refresh_from_db()
    assert moment.status == MomentStatus.HELD
    assert list(evaluation.participants.all()) == [partner]
    event = AuditEvent.objects.get(action="evaluation.recorded")
    assert event.changes["fields"]["participants"]["new"] == [
        {"uuid": str(partner.uuid), "label": partner.name}
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"held_on": datetime.date(2026, 11, 24)},
            "held_on",
            "Deze datum ligt in de toekomst. Leg een evaluatie vast nadat ze is gehouden.",
        ),
        ({"successes": "  "}, "successes", "Dit veld kan niet leeg zijn"),
        ({"bottlenecks": ""}, "bottlenecks", "Dit veld kan niet leeg zijn"),
        ({"continuation": ""}, "continuation", "Dit veld kan niet leeg zijn"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(
    coalition, coordinator, fields, field, message
):
    with pytest.raises(ValidationError) as error:
        record(coalition, coordinator, **fields)
    assert error.value.message_dict[field] == [message]
    assert not Evaluation.objects.exists()
    assert not AuditEvent.objects.filter(action="evaluation.recorded").exists()


def test_participants_and_moment_must_belong_to_this_coalition(coalition, coordinator, partner):
    foreign = PartnerFactory(name="Elders")
    other_moment = EvaluationMoment.objects.create(
        coalition=CoalitionFactory(), planned_on=datetime.date(2027, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        record(coalition, coordinator, participants=[partner, foreign], moment=other_moment)
    assert error.value.message_dict["participants"] == ["Geen partner van deze coalitie: Elders."]
    assert error.value.message_dict["moment"] == [
        "Dit evaluatiemoment hoort niet bij deze coalitie."
    ]
    assert not Evaluation.objects.exists()


# --- pages and permissions ------------------------------------------------------------------------


def test_the_list_shows_evaluations_and_suggests_the_next_moment(coalition, coordinator):
    record(coalition, coordinator, held_on=datetime.date(2026, 3, 1))
    response = client_for(coordinator).get(reverse("evaluations:list", args=[coalition.uuid]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 maart 2027" in html  # a year after the last evaluation
    assert "?datum=2027-03-01" in html


def test_planning_and_recording_through_the_forms(coalition, coordinator, partner):
    client = client_for(coordinator)
    response = client.post(
        reverse("evaluations:plan_moment", args=[coalition.uuid]), {"planned_on": "2026-11-23"}
    )
    assert response.status_code == 302
    moment = EvaluationMoment.objects.get()
    response = client.post(
        reverse("evaluations:create", args=[coalition.uuid]),
        {
            "moment": str(moment.pk),
            "held_on": "2026-11-23",
            "participants": [str(partner.pk)],
            **TEXTS,
            "agreement_changes": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    evaluation = Evaluation.objects.get()
    assert response["Location"].endswith(f"/evaluaties/{evaluation.uuid}/")
    assert client.get(response["Location"]).status_code == 200


def test_the_form_shows_the_dutch_message_and_saves_nothing(coalition, coordinator):
    response = client_for(coordinator).post(
        reverse("evaluations:create", args=[coalition.uuid]),
        {"held_on": "2027-01-01", **TEXTS, "successes": ""},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["successes"] == ["Vul ‘Wat ging goed’ in."]
    assert not Evaluation.objects.exists()


def test_the_future_date_is_refused_at_the_field_in_the_form(coalition, coordinator):
    response = client_for(coordinator).post(
        reverse("evaluations:create", args=[coalition.uuid]), {"held_on": "2027-01-01", **TEXTS}
    )
    assert response.context["form"].errors["held_on"] == [
        "Deze datum ligt in de toekomst. Leg een evaluatie vast nadat ze is gehouden."
    ]
    assert not Evaluation.objects.exists()


def test_read_only_members_see_but_cannot_write(coalition, coordinator, reader):
    evaluation = record(coalition, coordinator)
    moment = services.plan_moment(
        coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 1)
    )
    client = client_for(reader)
    assert client.get(reverse("evaluations:list", args=[coalition.uuid])).status_code == 200
    detail = reverse("evaluations:detail", args=[coalition.uuid, evaluation.uuid])
    assert client.get(detail).status_code == 200
    for url in (
        reverse("evaluations:create", args=[coalition.uuid]),
        reverse("evaluations:edit", args=[coalition.uuid, evaluation.uuid]),
        reverse("evaluations:plan_moment", args=[coalition.uuid]),
        reverse("evaluations:edit_moment", args=[coalition.uuid, moment.uuid]),
    ):
        assert client.post(url, {"planned_on": "2027-05-01", **TEXTS}).status_code == 403
    assert Evaluation.objects.count() == 1


def test_an_outsider_gets_404(coalition, coordinator, outsider):
    evaluation = record(coalition, coordinator)
    client = client_for(outsider)
    assert client.get(reverse("evaluations:list", args=[coalition.uuid])).status_code == 404
    detail = reverse("evaluations:detail", args=[coalition.uuid, evaluation.uuid])
    assert client.get(detail).status_code == 404
    mine = outsider.memberships.get().coalition
    assert (
        client.get(reverse("evaluations:detail", args=[mine.uuid, evaluation.uuid])).status_code
        == 404
    )


# --- reminders ------------------------------------------------------------------------------------


def test_reminders_fourteen_days_before_and_on_the_day(coalition, coordinator):
    MembershipFactory(coalition=coalition, coordinator=True, user__email="tweede@oost.nl")
    MembershipFactory(coalition=coalition, read_only=True, user__email="lezer@oost.nl")
    moment = services.plan_moment(
        coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 15)
    )
    before = list(evaluation_moment_due(datetime.date(2027, 3, 1)))
    on_the_day = list(evaluation_moment_due(datetime.date(2027, 3, 15)))
    assert [r.key for r in before] == [f"evaluation-moment:{moment.uuid}:in_14_days:2027-03-15"]
    assert [r.key for r in on_the_day] == [f"evaluation-moment:{moment.uuid}:on_the_day:2027-03-15"]
    assert before[0].to == ("coo@oost.nl", "tweede@oost.nl")
    assert before[0].coalition == coalition  # a failed reminder shows on the coordinator's page
    assert "15 maart 2027" in before[0].body
    for day in (datetime.date(2027, 3, 2), datetime.date(2027, 3, 14), datetime.date(2027, 3, 16)):
        assert list(evaluation_moment_due(day)) == []
    # Rescheduled: a new key, so the reminder for the new date is sent too.
    services.update_moment(moment, acting_user=coordinator, planned_on=datetime.date(2027, 4, 1))
    assert [r.key for r in evaluation_moment_due(datetime.date(2027, 4, 1))] == [
        f"evaluation-moment:{moment.uuid}:on_the_day:2027-04-01"
    ]


def test_no_reminder_for_a_cancelled_moment(coalition, coordinator):
    moment = services.plan_moment(
        coalition, acting_user=coordinator, planned_on=datetime.date(2027, 3, 15)
    )
    services.update_moment(moment, acting_user=coordinator, status=MomentStatus.CANCELLED)
    assert list(evaluation_moment_due(datetime.date(2027, 3, 15))) == []


# --- API ------------------------------------------------------------------------------------------


def api(coalition, suffix):
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


def test_api_moments_crud(coalition, coordinator):
    client = api_for(coordinator)
    created = client.post(api(coalition, "evaluation-moments/"), {"planned_on": "2027-03-01"})
    assert created.status_code == 201, created.json()
    detail = api(coalition, f"evaluation-moments/{created.json()['uuid']}/")
    assert client.get(api(coalition, "evaluation-moments/")).json()["count"] == 1
    patched = client.patch(detail, {"planned_on": "2027-04-01"}, format="json")
    assert patched.json()["planned_on"] == "2027-04-01"
    second = client.post(api(coalition, "evaluation-moments/"), {"planned_on": "2027-09-01"})
    assert second.status_code == 400
    assert second["Content-Type"] == PROBLEM
    assert second.json()["invalid_params"][0]["name"] == "planned_on"
    assert client.delete(detail).status_code == 204


def test_api_a_new_moment_may_name_its_status(coalition, coordinator):
    created = api_for(coordinator).post(
        api(coalition, "evaluation-moments/"), {"planned_on": "2027-03-01", "status": "cancelled"}
    )
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == "cancelled"


def test_api_evaluations_crud(coalition, coordinator, partner):
    client = api_for(coordinator)
    payload = {"held_on": "2026-11-01", "participants": [str(partner.uuid)], **TEXTS}
    created = client.post(api(coalition, "evaluations/"), payload, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["participants"] == [str(partner.uuid)]
    detail = api(coalition, f"evaluations/{created.json()['uuid']}/")
    patched = client.patch(detail, {"participants": []}, format="json")
    assert patched.json()["participants"] == []
    future = client.patch(detail, {"held_on": "2027-01-01"}, format="json")
    assert future.status_code == 400
    assert future.json()["invalid_params"] == [
        {
            "name": "held_on",
            "reason": "Deze datum ligt in de toekomst. Leg een evaluatie vast nadat ze is gehouden.",
        }
    ]
    assert Evaluation.objects.get().held_on == datetime.date(2026, 11, 1)
    assert client.delete(detail).status_code == 204


def test_api_read_only_gets_403_on_writes_and_outsider_404(
    coalition, coordinator, reader, outsider
):
    evaluation = record(coalition, coordinator)
    detail = api(coalition, f"evaluations/{evaluation.uuid}/")
    client = api_for(reader)
    assert client.get(detail).status_code == 200
    assert client.post(api(coalition, "evaluations/"), TEXTS).status_code == 403
    assert client.post(api(coalition, "evaluation-moments/"), {}).status_code == 403
    assert client.patch(detail, {}, format="json").status_code == 403
    assert client.delete(detail).status_code == 403
    stranger = api_for(outsider)
    for path in (detail, api(coalition, "evaluations/"), api(coalition, "evaluation-moments/")):
        assert stranger.get(path).status_code == 404
    assert stranger.delete(detail).status_code == 404
    assert Evaluation.objects.count() == 1

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.coalitions import services
from samenspel.coalitions.models import ChecklistItem, Phase, PhaseChange, TippingPoint
from samenspel.coalitions.progress import suggest_phase
from samenspel.core.models import AuditEvent
from samenspel.guide.content import phase_activities

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False)


def change(coalition, user, to_phase, date="2024-05-01", reason="Intentieverklaring getekend"):
    return services.change_phase(
        coalition,
        acting_user=user,
        to_phase=to_phase,
        date=datetime.date.fromisoformat(date),
        reason=reason,
        tipping_point=TippingPoint.LETTER_OF_INTENT,
    )


def test_phase_change_records_history_and_audit(coalition, coordinator):
    change(coalition, coordinator.user, Phase.EXPLORE)
    coalition.refresh_from_db()
    assert coalition.phase == Phase.EXPLORE
    recorded = PhaseChange.objects.get(coalition=coalition)
    assert (recorded.from_phase, recorded.to_phase, recorded.recorded_by) == (
        Phase.INITIATE,
        Phase.EXPLORE,
        coordinator.user,
    )
    assert (
        AuditEvent.objects.filter(coalition=coalition, action="coalition.phase_changed").count()
        == 1
    )


def test_going_back_a_phase_is_allowed_and_marked(coalition, coordinator):
    change(coalition, coordinator.user, Phase.ESTABLISH, "2024-01-01")
    step_back = change(coalition, coordinator.user, Phase.EXPLORE, "2024-03-01", "Nieuwe partner")
    assert step_back.is_step_back


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"reason": "   "}, "reason"),
        ({"to_phase": Phase.INITIATE}, "to_phase"),
        ({"date": "2030-01-01"}, "date"),
        ({"date": "2020-01-01"}, "date"),
    ],
)
def test_invalid_phase_change_is_refused_and_nothing_is_saved(
    coalition, coordinator, kwargs, field
):
    arguments = {"to_phase": Phase.EXPLORE, "date": "2024-05-01", "reason": "Reden", **kwargs}
    with pytest.raises(ValidationError) as error:
        change(coalition, coordinator.user, **arguments)
    assert field in error.value.message_dict
    coalition.refresh_from_db()
    assert coalition.phase == Phase.INITIATE
    assert not PhaseChange.objects.exists()
    assert not AuditEvent.objects.filter(action="coalition.phase_changed").exists()


def test_phase_change_before_previous_change_is_refused(coalition, coordinator):
    change(coalition, coordinator.user, Phase.EXPLORE, "2024-05-01")
    with pytest.raises(ValidationError, match="vorige fasewissel"):
        change(coalition, coordinator.user, Phase.ESTABLISH, "2024-04-01")


def test_phase_change_form_shows_dutch_error_at_reason(coordinator_client, coalition):
    url = reverse("coalitions:change_phase", args=[coalition.uuid])
    response = coordinator_client.post(
        url,
        {"to_phase": Phase.EXPLORE, "date": "2024-05-01", "tipping_point": "other", "reason": ""},
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert "Geef een reden voor de fasewissel" in response.content.decode()
    assert not PhaseChange.objects.exists()


def test_phase_change_form_records_change(coordinator_client, coalition):
    url = reverse("coalitions:change_phase", args=[coalition.uuid])
    response = coordinator_client.post(
        url,
        {
            "to_phase": Phase.EXPLORE,
            "date": "2024-05-01",
            "tipping_point": "subsidy",
            "reason": "Subsidie",
        },
    )
    assert response.status_code == 302
    coalition.refresh_from_db()
    assert coalition.phase == Phase.EXPLORE


def in_phase(coalition, phase):
    coalition.phase = phase
    coalition.save(update_fields=["phase"])


def test_phase_change_form_suggests_the_next_phase(coordinator_client, coalition):
    in_phase(coalition, Phase.SUSTAIN)
    response = coordinator_client.get(reverse("coalitions:change_phase", args=[coalition.uuid]))
    assert response.context["form"]["to_phase"].value() == Phase.DEVELOP
    assert "---------" not in response.content.decode()


def test_a_step_back_is_recorded_only_when_confirmed(coordinator_client, coalition):
    in_phase(coalition, Phase.SUSTAIN)
    url = reverse("coalitions:change_phase", args=[coalition.uuid])
    data = {"to_phase": Phase.INITIATE, "date": "2024-05-01", "tipping_point": "other"}
    data["reason"] = "Partners vallen weg"
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Vink aan dat de coalitie echt teruggaat" in response.content.decode()
    assert not PhaseChange.objects.exists()
    response = coordinator_client.post(url, {**data, "confirm_step_back": "on"})
    assert response.status_code == 302
    coalition.refresh_from_db()
    assert coalition.phase == Phase.INITIATE


def test_after_the_last_phase_nothing_is_preselected(coordinator_client, coalition):
    in_phase(coalition, Phase.DEVELOP)
    response = coordinator_client.get(reverse("coalitions:change_phase", args=[coalition.uuid]))
    choices = response.context["form"].fields["to_phase"].choices
    assert choices[0] == ("", "Kies een fase")
    assert response.context["form"]["to_phase"].value() is None


def test_reader_cannot_change_phase(reader_client, coalition):
    response = reader_client.get(reverse("coalitions:change_phase", args=[coalition.uuid]))
    assert response.status_code == 403


def set_all(coalition, user, phase, status):
    for activity in phase_activities(phase):
        services.set_checklist_status(coalition, activity.key, acting_user=user, status=status)


def test_not_applicable_activities_do_not_count(coalition, coordinator):
    activities = phase_activities(Phase.INITIATE)
    for index, activity in enumerate(activities):
        status = "done" if index == 0 else "not_applicable"
        services.set_checklist_status(
            coalition, activity.key, acting_user=coordinator.user, status=status
        )
    assert suggest_phase(coalition).phases[0].percentage == 100


def test_unknown_activity_is_refused(coalition, coordinator):
    with pytest.raises(ValidationError):
        services.set_checklist_status(
            coalition, "bestaat-niet", acting_user=coordinator.user, status="done"
        )
    assert not ChecklistItem.objects.exists()


def test_checklist_row_saves_through_htmx(coordinator_client, coalition):
    key = phase_activities(Phase.INITIATE)[0].key
    response = coordinator_client.post(
        reverse("coalitions:checklist_item", args=[coalition.uuid, key]),
        {"status": "busy", "note": "Eerste gesprekken gevoerd"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Opgeslagen" in response.content.decode()
    item = ChecklistItem.objects.get(coalition=coalition, activity_key=key)
    assert (item.status, item.note) == ("busy", "Eerste gesprekken gevoerd")


def test_where_are_we_page_explains_suggestion(coordinator_client, coalition):
    response = coordinator_client.get(reverse("coalitions:where", args=[coalition.uuid]))
    assert response.status_code == 200
    assert "Suggestie" in response.content.decode()

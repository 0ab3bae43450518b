"""The attendance of every partner in one form: only one's own changes are saved, someone
else's change to the same partner is refused by name, and the page reads a fixed number of
queries however many partners there are."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.meetings import services
from samenspel.meetings.models import Attendance
from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(coalition):
    return MeetingFactory(coalition=coalition)


@pytest.fixture
def partners(coalition):
    return [PartnerFactory(coalition=coalition, name=name) for name in ("Bieb", "GGD", "Welzijn")]


def url(meeting):
    return reverse("meetings:attendance", args=[meeting.coalition.uuid, meeting.uuid])


def key(partner):
    return services.attendance_key(partner)


def post(client, meeting, shown, chosen):
    data = {f"shown-{key(p)}": status for p, status in shown.items()}
    data.update({key(p): status for p, status in chosen.items()})
    return client.post(url(meeting), data)


def statuses(meeting):
    return dict(Attendance.objects.filter(meeting=meeting).values_list("partner__name", "status"))


def test_one_submit_records_every_partner(coordinator_client, meeting, partners):
    page = coordinator_client.get(url(meeting)).content.decode()
    for partner in partners:
        assert '<legend class="utrecht-form-fieldset__legend' in page
        assert partner.name in page
        assert f'name="shown-{key(partner)}" value=""' in page
    bieb, ggd, welzijn = partners
    response = post(
        coordinator_client,
        meeting,
        dict.fromkeys(partners, ""),
        {bieb: "present", ggd: "excused", welzijn: "absent"},
    )
    assert response.status_code == 302
    assert statuses(meeting) == {"Bieb": "present", "GGD": "excused", "Welzijn": "absent"}
    assert AuditEvent.objects.filter(action="meeting.attendance_set").count() == 3
    # The form opens with what is recorded; "not recorded" clears a partner.
    again = coordinator_client.get(url(meeting)).content.decode()
    assert f'name="shown-{key(ggd)}" value="excused"' in again
    shown = {bieb: "present", ggd: "excused", welzijn: "absent"}
    post(coordinator_client, meeting, shown, {**shown, welzijn: ""})
    assert statuses(meeting) == {"Bieb": "present", "GGD": "excused"}


def test_only_ones_own_changes_are_saved(coordinator_client, coordinator, meeting, partners):
    bieb, ggd, _ = partners
    # Someone else records the library while this person has the form open.
    services.set_attendance(meeting, acting_user=coordinator.user, partner=bieb, status="absent")
    post(coordinator_client, meeting, dict.fromkeys(partners, ""), {bieb: "", ggd: "present"})
    assert statuses(meeting) == {"Bieb": "absent", "GGD": "present"}


def test_a_clash_on_one_partner_is_refused_and_nothing_saved(
    coordinator_client, coordinator, meeting, partners
):
    bieb, ggd, _ = partners
    services.set_attendance(meeting, acting_user=coordinator.user, partner=bieb, status="absent")
    response = post(
        coordinator_client,
        meeting,
        dict.fromkeys(partners, ""),
        {bieb: "present", ggd: "present"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors[key(bieb)]
    assert errors == [
        "Intussen legde iemand anders 'afwezig' vast voor Bieb. Kijk of uw keuze nog klopt en "
        "sla opnieuw op."
    ]
    assert statuses(meeting) == {"Bieb": "absent"}  # GGD not saved either
    # The form now shows the other's value, so sending it again saves.
    assert f'name="shown-{key(bieb)}" value="absent"' in response.content.decode()


def test_a_partner_of_another_coalition_cannot_be_recorded(coordinator, meeting):
    foreign = PartnerFactory()
    with pytest.raises(ValidationError) as refused:
        services.record_attendance(
            meeting, acting_user=coordinator.user, chosen={foreign: "present"}, opened={}
        )
    assert "Kies een partner van deze coalitie." in str(refused.value)
    assert not Attendance.objects.exists()


def test_readers_and_outsiders_cannot_open_the_form(reader_client, meeting):
    assert reader_client.get(url(meeting)).status_code == 403
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(url(meeting)).status_code == 404


def test_the_form_reads_the_same_queries_for_few_or_many_partners(
    coordinator_client, coordinator, coalition, meeting, partners
):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_client.get(url(meeting)).status_code == 200
        return len(captured)

    few = count()
    for n in range(15):
        partner = PartnerFactory(coalition=coalition, name=f"Partner {n:02d}")
        services.set_attendance(
            meeting, acting_user=coordinator.user, partner=partner, status="present"
        )
    assert count() == few

"""Deleting an evaluation or an evaluation moment on the pages: confirmation first, audit,
nothing left behind, and only for those who may."""

import datetime

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.evaluations import services
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.partners.models import Partner
from samenspel.partners.tests.factories import PartnerFactory

HELD_ON = datetime.date(2025, 11, 1)


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Welzijn Oost")


@pytest.fixture
def moment(coalition):
    # Created directly: the service plans only today or later, and this one has been held.
    return EvaluationMoment.objects.create(
        coalition=coalition, planned_on=HELD_ON, status=MomentStatus.HELD
    )


@pytest.fixture
def evaluation(coalition, coordinator, partner, moment):
    return services.record_evaluation(
        coalition,
        acting_user=coordinator.user,
        participants=[partner],
        moment=moment,
        held_on=HELD_ON,
        successes="Drie nieuwe huiskamers",
        bottlenecks="De bibliotheek haakt af",
        continuation="Vaker overleg met de kern",
    )


def delete_url(evaluation):
    return reverse("evaluations:delete", args=[evaluation.coalition.uuid, evaluation.uuid])


def moment_delete_url(moment):
    return reverse("evaluations:delete_moment", args=[moment.coalition.uuid, moment.uuid])


def test_deleting_an_evaluation_asks_first(coordinator_client, evaluation, moment, partner):
    detail = reverse("evaluations:detail", args=[evaluation.coalition.uuid, evaluation.uuid])
    assert f'href="{delete_url(evaluation)}"' in coordinator_client.get(detail).content.decode()
    page = coordinator_client.get(delete_url(evaluation)).content.decode()
    assert "Weet u zeker dat u deze evaluatie wilt verwijderen?" in page
    assert "Vaker overleg met de kern" in page
    assert "Het evaluatiemoment waarop ze is gehouden blijft staan." in page
    assert Evaluation.objects.exists()  # GET deletes nothing

    response = coordinator_client.post(delete_url(evaluation))
    assert response["Location"] == reverse("evaluations:list", args=[evaluation.coalition.uuid])
    assert not Evaluation.objects.exists()
    assert not Evaluation.participants.through.objects.exists()
    assert EvaluationMoment.objects.get() == moment
    assert Partner.objects.filter(pk=partner.pk).exists()
    event = AuditEvent.objects.get(action="evaluation.deleted")
    assert event.object_uuid == evaluation.uuid
    fields = event.changes["fields"]
    assert fields["participants"]["old"] == [{"uuid": str(partner.uuid), "label": partner.name}]
    assert fields["successes"] == {"old": "Drie nieuwe huiskamers", "new": None}


def test_deleting_a_moment_keeps_its_evaluations(coordinator_client, evaluation, moment):
    listing = reverse("evaluations:list", args=[moment.coalition.uuid])
    assert f'href="{moment_delete_url(moment)}"' in coordinator_client.get(listing).content.decode()
    page = coordinator_client.get(moment_delete_url(moment)).content.decode()
    assert "1 evaluatie is op dit moment gehouden. Die blijft bewaard" in page
    assert EvaluationMoment.objects.exists()

    response = coordinator_client.post(moment_delete_url(moment))
    assert response["Location"] == listing
    assert not EvaluationMoment.objects.exists()
    evaluation.refresh_from_db()
    assert evaluation.moment is None
    event = AuditEvent.objects.get(action="evaluation_moment.deleted")
    assert event.object_uuid == moment.uuid
    assert event.changes["fields"] == {
        "planned_on": {"old": "2025-11-01", "new": None},
        "status": {"old": "held", "new": None},
    }


def test_a_moment_without_evaluations_says_nothing_about_them(coordinator_client, moment):
    page = coordinator_client.get(moment_delete_url(moment)).content.decode()
    assert "op dit moment gehouden" not in page
    assert "markeer het dan als afgelast" in page


def test_members_without_the_right_get_403_and_outsiders_404(coalition, evaluation, moment):
    reader = client_for(MembershipFactory(coalition=coalition, read_only=True).user)
    partner_member = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)
    outsider = client_for(MembershipFactory(coordinator=True).user)
    for target in (delete_url(evaluation), moment_delete_url(moment)):
        for client in (reader, partner_member):
            assert client.get(target).status_code == 403
            assert client.post(target).status_code == 403
        assert outsider.get(target).status_code == 404
        assert outsider.post(target).status_code == 404
    detail = reverse("evaluations:detail", args=[coalition.uuid, evaluation.uuid])
    assert delete_url(evaluation) not in reader.get(detail).content.decode()
    assert Evaluation.objects.filter(pk=evaluation.pk).exists()
    assert EvaluationMoment.objects.filter(pk=moment.pk).exists()
    assert not AuditEvent.objects.filter(action__endswith=".deleted").exists()


def test_another_coalitions_evaluation_or_moment_is_not_found(
    coordinator_client, coalition, evaluation, moment
):
    elsewhere = MembershipFactory(coordinator=True)
    foreign_moment = EvaluationMoment.objects.create(
        coalition=elsewhere.coalition, planned_on=HELD_ON, status=MomentStatus.HELD
    )
    foreign = services.record_evaluation(
        elsewhere.coalition,
        acting_user=elsewhere.user,
        held_on=HELD_ON,
        successes="Elders",
        bottlenecks="Elders",
        continuation="Elders",
    )
    for target in (
        reverse("evaluations:delete", args=[coalition.uuid, foreign.uuid]),
        reverse("evaluations:delete_moment", args=[coalition.uuid, foreign_moment.uuid]),
    ):
        assert coordinator_client.get(target).status_code == 404
        assert coordinator_client.post(target).status_code == 404
    assert Evaluation.objects.count() == 2
    assert EvaluationMoment.objects.count() == 2

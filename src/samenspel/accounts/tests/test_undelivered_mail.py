"""The coordinator sees e-mail that did not arrive (page and API) and can send it again; nobody
else can."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for, client_for
from samenspel.core.models import AuditEvent
from samenspel.mail.models import MailError, MailKind, MailStatus, OutgoingMail

pytestmark = pytest.mark.django_db


def failed_mail(coalition, **fields):
    values = {
        "coalition": coalition,
        "kind": MailKind.INVITATION,
        "recipient": "jan@example.nl",
        "subject": "Uitnodiging",
        "body": "Welkom",
        "status": MailStatus.FAILED,
        "attempts": 5,
        "last_error": MailError.UNREACHABLE,
    }
    return OutgoingMail.objects.create(**{**values, **fields})


def page_url(coalition):
    return reverse("members:undelivered_mail", args=[coalition.uuid])


def retry_url(outgoing):
    return reverse("members:retry_mail", args=[outgoing.coalition.uuid, outgoing.uuid])


def test_the_coordinator_sees_failed_and_waiting_mail_with_a_masked_address(
    coordinator_client, coalition
):
    failed_mail(coalition)
    failed_mail(
        coalition,
        kind=MailKind.REMINDER,
        recipient="piet@example.nl",
        status=MailStatus.QUEUED,
        attempts=2,
    )
    failed_mail(coalition, recipient="sent@example.nl", status=MailStatus.SENT)
    failed_mail(coalition, recipient="new@example.nl", status=MailStatus.QUEUED, attempts=0)
    failed_mail(MembershipFactory(coordinator=True).coalition, recipient="other@example.nl")

    page = coordinator_client.get(page_url(coalition)).content.decode()

    assert "j…@example.nl" in page
    assert "p…@example.nl" in page
    assert "jan@example.nl" not in page
    assert "Uitnodiging voor Samenspel" in page
    assert "De mailserver was niet bereikbaar." in page
    assert "Volgende poging" in page
    assert "s…@example.nl" not in page  # sent
    assert "n…@example.nl" not in page  # queued for the first time
    assert "o…@example.nl" not in page  # another coalition


def test_the_members_page_links_to_it(coordinator_client, coalition):
    page = coordinator_client.get(reverse("members:list", args=[coalition.uuid]))
    assert page_url(coalition) in page.content.decode()


def test_an_outsider_gets_404_and_a_partner_member_403(coalition):
    outgoing = failed_mail(coalition)
    outsider = client_for(MembershipFactory(coordinator=True).user)
    partner_member = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)

    assert outsider.get(page_url(coalition)).status_code == 404
    assert outsider.post(retry_url(outgoing)).status_code == 404
    assert partner_member.get(page_url(coalition)).status_code == 403
    assert partner_member.post(retry_url(outgoing)).status_code == 403
    outgoing.refresh_from_db()
    assert outgoing.status == MailStatus.FAILED


def test_another_coalition_s_mail_cannot_be_retried_through_one_s_own_address(
    coordinator_client, coalition
):
    other = failed_mail(MembershipFactory(coordinator=True).coalition)
    url = reverse("members:retry_mail", args=[coalition.uuid, other.uuid])
    assert coordinator_client.post(url).status_code == 404


def test_sending_again_delivers_the_mail_and_is_audited(
    coordinator_client, coordinator, coalition, django_capture_on_commit_callbacks
):
    outgoing = failed_mail(coalition)

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(retry_url(outgoing), follow=True)

    assert response.redirect_chain[-1][0] == page_url(coalition)
    assert "wordt opnieuw verstuurd" in response.content.decode()
    (message,) = mail.outbox
    assert (message.to, message.body) == (["jan@example.nl"], "Welkom")
    outgoing.refresh_from_db()
    assert (outgoing.status, outgoing.attempts, outgoing.last_error) == (MailStatus.SENT, 1, "")
    event = AuditEvent.objects.get(action="mail.retried")
    assert (event.actor, event.coalition, event.object_uuid) == (
        coordinator.user,
        coalition,
        outgoing.uuid,
    )
    assert "jan@example.nl" not in str(event.changes) + event.object_label


def test_a_mail_being_sent_or_already_sent_is_not_sent_again(coordinator_client, coalition):
    outgoing = failed_mail(coalition, status=MailStatus.SENT)

    response = coordinator_client.post(retry_url(outgoing), follow=True)

    assert "is al verstuurd" in response.content.decode()
    assert not AuditEvent.objects.filter(action="mail.retried").exists()


def test_a_mail_whose_text_was_erased_offers_no_button_and_refuses(coordinator_client, coalition):
    outgoing = failed_mail(coalition, erased_at=timezone.now())

    page = coordinator_client.get(page_url(coalition)).content.decode()
    assert retry_url(outgoing) not in page
    response = coordinator_client.post(retry_url(outgoing), follow=True)
    assert "bewaartermijn gewist" in response.content.decode()
    outgoing.refresh_from_db()
    assert outgoing.status == MailStatus.FAILED


def api_url(coalition):
    return reverse("mail_api:undelivered", args=[coalition.uuid])


def test_the_api_lists_the_same_mail_masked_for_coordinators_only(coordinator, coalition):
    outgoing = failed_mail(coalition)
    failed_mail(coalition, recipient="sent@example.nl", status=MailStatus.SENT)
    partner_member = MembershipFactory(coalition=coalition, partner_member=True)
    outsider = MembershipFactory(coordinator=True)

    response = api_client_for(coordinator.user).get(api_url(coalition))

    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["uuid"] == str(outgoing.uuid)
    assert row["recipient"] == "j…@example.nl"
    assert (row["kind"], row["status"], row["attempts"]) == ("invitation", "failed", 5)
    assert row["last_error_display"] == "De mailserver was niet bereikbaar."
    assert api_client_for(partner_member.user).get(api_url(coalition)).status_code == 403
    assert api_client_for(outsider.user).get(api_url(coalition)).status_code == 404

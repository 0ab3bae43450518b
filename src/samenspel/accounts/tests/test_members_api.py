import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from samenspel.accounts.models import Invitation, Membership, Role
from samenspel.accounts.tests.factories import (
    InvitationFactory,
    MembershipFactory,
    api_client_for,
    partner_in,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def members_url(coalition, *rest):
    if not rest:
        return reverse("members_api:list", args=[coalition.uuid])
    return reverse(f"members_api:{rest[0]}", args=[coalition.uuid, *rest[1:]])


def test_outsider_gets_404_everywhere(coalition, coordinator, outsider):
    invitation = InvitationFactory(coalition=coalition)
    client = api_client_for(outsider.user, with_token=True)
    for method, url in [
        ("get", members_url(coalition)),
        ("get", members_url(coalition, "detail", coordinator.uuid)),
        ("patch", members_url(coalition, "detail", coordinator.uuid)),
        ("delete", members_url(coalition, "detail", coordinator.uuid)),
        ("get", members_url(coalition, "invitations")),
        ("post", members_url(coalition, "invitations")),
        ("delete", members_url(coalition, "invitation_detail", invitation.uuid)),
    ]:
        response = getattr(client, method)(url, {}, format="json")
        assert response.status_code == 404, (method, url)
        assert response["Content-Type"] == PROBLEM


def test_unauthenticated_gets_401(coalition):
    assert APIClient().get(members_url(coalition)).status_code == 401


def test_member_sees_members_without_email_addresses(coalition, coordinator, member):
    response = api_client_for(member.user, with_token=True).get(members_url(coalition))
    assert response.status_code == 200
    results = response.json()["results"]
    assert {r["uuid"] for r in results} == {str(coordinator.uuid), str(member.uuid)}
    assert all(r["email"] is None for r in results)


def test_coordinator_sees_email_addresses(coalition, coordinator, member):
    results = (
        api_client_for(coordinator.user, with_token=True)
        .get(members_url(coalition))
        .json()["results"]
    )
    assert {r["email"] for r in results} == {coordinator.user.email, member.user.email}


def test_non_coordinator_gets_403_on_invite_and_member_changes(coalition, coordinator, member):
    client = api_client_for(member.user, with_token=True)
    invite = client.post(
        members_url(coalition, "invitations"), {"email": "x@example.nl", "role": "read_only"}
    )
    assert invite.status_code == 403
    assert invite["Content-Type"] == PROBLEM
    assert client.get(members_url(coalition, "invitations")).status_code == 403
    patch = client.patch(
        members_url(coalition, "detail", member.uuid), {"role": "coordinator"}, format="json"
    )
    assert patch.status_code == 403
    assert client.delete(members_url(coalition, "detail", coordinator.uuid)).status_code == 403
    assert not Invitation.objects.exists()
    member.refresh_from_db()
    assert member.role == Role.READ_ONLY


def test_coordinator_invites_through_the_api(
    coalition, coordinator, django_capture_on_commit_callbacks
):
    partner = partner_in(coalition)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client_for(coordinator.user, with_token=True).post(
            members_url(coalition, "invitations"),
            {"email": "Femke@example.nl", "role": "partner_member", "partner": str(partner.uuid)},
            format="json",
        )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "femke@example.nl"
    assert body["partner"] == {"uuid": str(partner.uuid), "name": partner.name}
    assert "token" not in body
    assert "token_digest" not in body
    assert len(mail.outbox) == 1
    assert "/account/uitnodiging/" in mail.outbox[0].body

    listed = (
        api_client_for(coordinator.user, with_token=True)
        .get(members_url(coalition, "invitations"))
        .json()["results"]
    )
    assert [i["uuid"] for i in listed] == [body["uuid"]]
    revoked = api_client_for(coordinator.user, with_token=True).delete(
        members_url(coalition, "invitation_detail", body["uuid"])
    )
    assert revoked.status_code == 204
    assert not Invitation.objects.open().exists()


def test_invite_errors_are_problems_per_field(coalition, coordinator):
    client = api_client_for(coordinator.user, with_token=True)
    no_partner = client.post(
        members_url(coalition, "invitations"),
        {"email": "a@example.nl", "role": "partner_member"},
        format="json",
    )
    assert no_partner.status_code == 400
    assert no_partner["Content-Type"] == PROBLEM
    assert no_partner.json()["invalid_params"] == [
        {"name": "partner", "reason": "Kies de partnerorganisatie namens wie deze persoon meedoet."}
    ]
    foreign = partner_in(MembershipFactory().coalition)
    other = client.post(
        members_url(coalition, "invitations"),
        {"email": "a@example.nl", "role": "partner_member", "partner": str(foreign.uuid)},
        format="json",
    )
    assert other.status_code == 400
    assert other.json()["invalid_params"][0]["name"] == "partner"
    already = client.post(
        members_url(coalition, "invitations"),
        {"email": coordinator.user.email, "role": "advisor"},
        format="json",
    )
    assert already.json()["invalid_params"][0]["name"] == "email"


def test_role_change_and_last_coordinator_through_the_api(coalition, coordinator, member):
    client = api_client_for(coordinator.user, with_token=True)
    changed = client.patch(
        members_url(coalition, "detail", member.uuid), {"role": "advisor"}, format="json"
    )
    assert changed.status_code == 200
    assert changed.json()["role"] == "advisor"

    last = client.delete(members_url(coalition, "detail", coordinator.uuid))
    assert last.status_code == 400
    assert "coördinator" in last.json()["invalid_params"][0]["reason"]
    assert Membership.objects.filter(pk=coordinator.pk).exists()

    removed = client.delete(members_url(coalition, "detail", member.uuid))
    assert removed.status_code == 204
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_member_of_another_coalition_is_404_for_a_coordinator(coalition, coordinator, outsider):
    response = api_client_for(coordinator.user, with_token=True).get(
        members_url(coalition, "detail", outsider.uuid)
    )
    assert response.status_code == 404


def test_partner_member_is_shown_with_partner(coalition, coordinator):
    pm = MembershipFactory(coalition=coalition, partner_member=True)
    data = (
        api_client_for(coordinator.user, with_token=True)
        .get(members_url(coalition, "detail", pm.uuid))
        .json()
    )
    assert data["partner"]["uuid"] == str(pm.partner.uuid)
    assert data["role_display"] == "Lid namens partner"

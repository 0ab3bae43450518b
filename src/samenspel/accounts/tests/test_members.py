import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.accounts import services
from samenspel.accounts.models import Membership, Role
from samenspel.accounts.tests.factories import (
    InvitationFactory,
    MembershipFactory,
    client_for,
    partner_in,
)
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["list", "edit", "revoke", "invite"])
def test_outsider_gets_404_and_member_403_on_every_members_page(
    name, coalition, coordinator, member, outsider
):
    invitation = InvitationFactory(coalition=coalition)
    args = {
        "list": [coalition.uuid],
        "invite": [coalition.uuid],
        "edit": [coalition.uuid, coordinator.uuid],
        "revoke": [coalition.uuid, invitation.uuid],
    }[name]
    url = reverse(f"members:{name}", args=args)
    method = "get" if name in {"list", "edit"} else "post"
    assert getattr(client_for(outsider.user), method)(url).status_code == 404
    assert getattr(client_for(member.user), method)(url).status_code == 403


def test_members_page_lists_members_and_open_invitations(coalition, coordinator, member):
    partner = partner_in(coalition, name="Sportclub Noord")
    partner_member = MembershipFactory(coalition=coalition, partner_member=True, partner=partner)
    InvitationFactory(coalition=coalition, email="open@example.nl")
    response = client_for(coordinator.user).get(reverse("members:list", args=[coalition.uuid]))
    assert response.status_code == 200
    html = response.content.decode()
    for person in (coordinator, member, partner_member):
        assert person.user.email in html
    assert "Sportclub Noord" in html
    assert "open@example.nl" in html
    # The partner select offers only this coalition's partners, by UUID.
    choices = [
        str(value) for value, _label in response.context["form"].fields["partner"].choices if value
    ]
    assert choices == [str(partner.uuid)]


def test_coordinator_changes_a_role(coalition, coordinator, member):
    partner = partner_in(coalition)
    client = client_for(coordinator.user)
    response = client.post(
        reverse("members:edit", args=[coalition.uuid, member.uuid]),
        {"role": Role.PARTNER_MEMBER, "partner": str(partner.uuid)},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.partner) == (Role.PARTNER_MEMBER, partner)
    event = AuditEvent.objects.get(action="membership.updated")
    assert event.changes["fields"]["role"] == {"old": Role.READ_ONLY, "new": Role.PARTNER_MEMBER}


def test_last_coordinator_cannot_be_removed(coalition, coordinator):
    client = client_for(coordinator.user)
    url = reverse("members:edit", args=[coalition.uuid, coordinator.uuid])
    response = client.post(url, {"action": "remove"})
    assert response.status_code == 400
    assert "minstens één coördinator" in response.content.decode()
    assert Membership.objects.filter(pk=coordinator.pk).exists()

    demote = client.post(url, {"role": Role.READ_ONLY})
    assert demote.status_code == 200
    assert "minstens één coördinator" in demote.context["form"].errors["role"][0]
    coordinator.refresh_from_db()
    assert coordinator.role == Role.COORDINATOR


def test_last_coordinator_rule_in_the_service(coalition, coordinator):
    with pytest.raises(ValidationError, match="minstens één coördinator"):
        services.remove_member(coordinator, acting_user=coordinator.user)
    with pytest.raises(ValidationError):
        services.change_member_role(coordinator, acting_user=coordinator.user, role=Role.ADVISOR)


def test_a_coordinator_can_leave_when_another_remains(coalition, coordinator):
    MembershipFactory(coalition=coalition, coordinator=True)
    response = client_for(coordinator.user).post(
        reverse("members:edit", args=[coalition.uuid, coordinator.uuid]), {"action": "remove"}
    )
    assert response.status_code == 302
    assert response.url == reverse("coalitions:home")
    assert not Membership.objects.filter(pk=coordinator.pk).exists()
    assert AuditEvent.objects.filter(action="membership.deleted").exists()


def test_coordinator_removes_a_member(coalition, coordinator, member):
    response = client_for(coordinator.user).post(
        reverse("members:edit", args=[coalition.uuid, member.uuid]), {"action": "remove"}
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_members_of_another_coalition_are_not_found(coalition, coordinator, outsider):
    response = client_for(coordinator.user).get(
        reverse("members:edit", args=[coalition.uuid, outsider.uuid])
    )
    assert response.status_code == 404


def test_coordinator_revokes_an_invitation(coalition, coordinator):
    invitation = InvitationFactory(coalition=coalition)
    response = client_for(coordinator.user).post(
        reverse("members:revoke", args=[coalition.uuid, invitation.uuid])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None

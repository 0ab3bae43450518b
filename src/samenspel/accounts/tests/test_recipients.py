import pytest

from samenspel.accounts.models import Role
from samenspel.accounts.recipients import coordinator_addresses, partner_member_addresses
from samenspel.accounts.tests.factories import MembershipFactory, partner_in

pytestmark = pytest.mark.django_db


def test_addresses_of_active_coordinators_and_partner_members_per_owner():
    first = MembershipFactory(role=Role.COORDINATOR)
    coalition = first.coalition
    gone = MembershipFactory(coalition=coalition, role=Role.COORDINATOR)
    gone.user.is_active = False
    gone.user.save()
    partner = partner_in(coalition)
    member = MembershipFactory(coalition=coalition, role=Role.PARTNER_MEMBER, partner=partner)
    other = MembershipFactory(role=Role.COORDINATOR)

    assert coordinator_addresses([coalition.pk, other.coalition.pk]) == {
        coalition.pk: (first.user.email,),
        other.coalition.pk: (other.user.email,),
    }
    assert partner_member_addresses([partner.pk]) == {partner.pk: (member.user.email,)}
    assert coordinator_addresses([]) == {}

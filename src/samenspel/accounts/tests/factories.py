"""Factories shared by the whole test suite (other apps import them from here).

`UserFactory` users have the password `DEFAULT_PASSWORD`. `MembershipFactory` defaults to the
least privileged role (read only); pick a role with a trait:

    MembershipFactory(coordinator=True)
    MembershipFactory(partner_member=True)   # also creates a partner in the same coalition
    MembershipFactory(municipality=True) / (advisor=True) / (read_only=True)
"""

import datetime

import factory
from django.test import Client
from factory.django import DjangoModelFactory, Password

from samenspel.accounts.models import ApiToken, Invitation, Membership, Role, User
from samenspel.coalitions.models import Coalition, Municipality
from samenspel.partners.models import Partner, PartnerKind

DEFAULT_PASSWORD = "Samen-tegen-eenzaamheid-42"


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    is_fictional = True


class CoalitionFactory(DjangoModelFactory):
    class Meta:
        model = Coalition

    name = factory.Sequence(lambda n: f"Samen tegen eenzaamheid {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    start_date = datetime.date(2023, 1, 1)


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Welzijnsorganisatie {n}")
    kind = PartnerKind.WELFARE
    motives = factory.LazyFunction(lambda: ["moral"])


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    full_name = factory.Faker("name", locale="nl_NL")
    password = Password(DEFAULT_PASSWORD)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    coalition = factory.SubFactory(CoalitionFactory)
    role = Role.READ_ONLY
    partner = None

    class Params:
        coordinator = factory.Trait(role=Role.COORDINATOR)
        municipality = factory.Trait(role=Role.MUNICIPALITY)
        advisor = factory.Trait(role=Role.ADVISOR)
        read_only = factory.Trait(role=Role.READ_ONLY)
        partner_member = factory.Trait(
            role=Role.PARTNER_MEMBER,
            partner=factory.SubFactory(
                PartnerFactory, coalition=factory.SelfAttribute("..coalition")
            ),
        )


class InvitationFactory(DjangoModelFactory):
    """An open invitation; its raw link secret is available as `invitation.raw_token`."""

    class Meta:
        model = Invitation

    coalition = factory.SubFactory(CoalitionFactory)
    email = factory.Sequence(lambda n: f"genodigde{n}@example.nl")
    role = Role.READ_ONLY
    partner = None
    invited_by = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        raw, kwargs["token_digest"] = Invitation.new_secret()
        instance = super()._create(model_class, *args, **kwargs)
        instance.raw_token = raw
        return instance


def api_token_for(user: User, name: str = "Test") -> tuple[ApiToken, str]:
    """An active personal API token and its raw value."""
    return ApiToken.issue(user, name)


def client_for(user: User) -> Client:
    """A test client logged in as `user`."""
    client = Client()
    client.force_login(user, backend="samenspel.accounts.backends.EmailBackend")
    return client

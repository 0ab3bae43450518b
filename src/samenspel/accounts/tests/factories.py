"""Factories of people and their memberships; each app keeps the factories of its own models
(`coalitions.tests.factories`, `partners.tests.factories`, ...), and `client_for` is the one way
a test logs in.

`UserFactory` users have the password `DEFAULT_PASSWORD`. `MembershipFactory` defaults to the
least privileged role (read only); pick a role with a trait:

    MembershipFactory(coordinator=True)
    MembershipFactory(partner_member=True)   # also creates a partner in the same coalition
    MembershipFactory(municipality=True) / (advisor=True) / (read_only=True)
"""

from typing import Any

import factory
from django.test import Client
from factory.django import DjangoModelFactory, Password
from rest_framework.test import APIClient

from samenspel.accounts.models import ApiToken, Invitation, Membership, Role, User

DEFAULT_PASSWORD = "Samen-tegen-eenzaamheid-42"

# Named by import path: factory_boy imports them when used, so this layer does not import the
# domain apps whose models a membership points at.
COALITION_FACTORY = "samenspel.coalitions.tests.factories.CoalitionFactory"
PARTNER_FACTORY = "samenspel.partners.tests.factories.PartnerFactory"


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
    coalition = factory.SubFactory(COALITION_FACTORY)
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
                PARTNER_FACTORY, coalition=factory.SelfAttribute("..coalition")
            ),
        )


class InvitationFactory(DjangoModelFactory):
    """An open invitation; its raw link secret is available as `invitation.raw_token`."""

    class Meta:
        model = Invitation

    coalition = factory.SubFactory(COALITION_FACTORY)
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
    """A test client logged in as `user`, for pages."""
    client = Client()
    client.force_login(user, backend="samenspel.accounts.backends.EmailBackend")
    return client


def api_client_for(user: User, *, with_token: bool = False) -> APIClient:
    """An API client for `user` that sends JSON and asks for Dutch answers; `with_token` goes
    through a real personal API token instead of forcing the authentication."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    client.default_format = "json"  # the API reads JSON bodies only
    if with_token:
        _token, raw = api_token_for(user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {raw}")
    else:
        client.force_authenticate(user)
    return client


def partner_in(coalition: Any, **fields: Any) -> Any:
    """A partner organisation of `coalition`, made through the coalition's own related manager
    (the membership layer's tests do not import the partners app)."""
    fields.setdefault("name", f"Partner {coalition.partners.count() + 1}")
    fields.setdefault("kind", "welfare")
    return coalition.partners.create(**fields)

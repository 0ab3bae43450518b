"""Factories of partner organisations."""

import factory
from factory.django import DjangoModelFactory

from samenspel.accounts.tests.factories import COALITION_FACTORY
from samenspel.partners.models import Partner, PartnerKind


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    coalition = factory.SubFactory(COALITION_FACTORY)
    name = factory.Sequence(lambda n: f"Welzijnsorganisatie {n}")
    kind = PartnerKind.WELFARE
    motives = factory.LazyFunction(lambda: ["moral"])

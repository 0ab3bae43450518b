"""Factories of municipalities and coalitions."""

import datetime

import factory
from factory.django import DjangoModelFactory

from samenspel.coalitions.models import Coalition, Municipality


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

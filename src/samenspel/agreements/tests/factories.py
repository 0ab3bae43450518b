import datetime

import factory
from factory.django import DjangoModelFactory

from samenspel.agreements.models import Covenant, PartnerAgreement, ProcessStep, Signatory
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.partners.tests.factories import PartnerFactory


class PartnerAgreementFactory(DjangoModelFactory):
    class Meta:
        model = PartnerAgreement

    coalition = factory.SubFactory(CoalitionFactory)
    partner = factory.SubFactory(PartnerFactory, coalition=factory.SelfAttribute("..coalition"))
    role = "running_activities"
    hours_per_month = 8
    money = 0
    expectations = "Meedenken in de kerngroep."
    start_date = datetime.date(2025, 1, 1)
    review_date = datetime.date(2026, 1, 1)


class ProcessStepFactory(DjangoModelFactory):
    class Meta:
        model = ProcessStep

    coalition = factory.SubFactory(CoalitionFactory)
    title = factory.Sequence(lambda n: f"Stap {n}")
    due_date = datetime.date(2026, 6, 1)

    class Params:
        milestone = factory.Trait(kind="milestone")


class CovenantFactory(DjangoModelFactory):
    class Meta:
        model = Covenant

    coalition = factory.SubFactory(CoalitionFactory)
    rules_of_play = "We besluiten samen in de kerngroep."


class SignatoryFactory(DjangoModelFactory):
    class Meta:
        model = Signatory

    covenant = factory.SubFactory(CovenantFactory)
    partner = factory.SubFactory(
        PartnerFactory, coalition=factory.SelfAttribute("..covenant.coalition")
    )
    name = factory.Faker("name", locale="nl_NL")
    function = "Directeur"

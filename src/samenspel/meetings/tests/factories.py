import datetime

import factory
from factory.django import DjangoModelFactory

from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.meetings.models import ActionItem, Body, Meeting


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Werkgroep {n}")
    kind = "working_group"


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    coalition = factory.SubFactory(CoalitionFactory)
    title = factory.Sequence(lambda n: f"Kerngroepoverleg {n}")
    starts_at = datetime.datetime(2027, 1, 14, 18, 30, tzinfo=datetime.UTC)


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    text = "Uitnodiging versturen"
    owner_name = "Fatima"

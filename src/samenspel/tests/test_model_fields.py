"""The shared field declarations (`core.fields`) behave as the hand-written ones did."""

import datetime

import pytest

from samenspel.accounts.tests.factories import UserFactory
from samenspel.coalitions.models import Coalition, Phase, PhaseChange
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.reporting.models import AdvisorNote, IndicatorNote

pytestmark = pytest.mark.django_db


def test_a_row_keeps_its_content_when_the_person_who_wrote_it_leaves():
    writer = UserFactory()
    note = IndicatorNote.objects.create(
        coalition=CoalitionFactory(), indicator="reach", text="Goed bereik", updated_by=writer
    )

    writer.delete()

    note.refresh_from_db()
    assert note.updated_by is None
    assert note.text == "Goed bereik"


def test_a_coalitions_rows_go_with_it_and_no_others():
    coalition, other = CoalitionFactory(), CoalitionFactory()
    for each in (coalition, other):
        IndicatorNote.objects.create(coalition=each, indicator="reach")
        AdvisorNote.objects.create(coalition=each, text="Let op de dip")

    coalition.delete()

    assert list(IndicatorNote.objects.values_list("coalition", flat=True)) == [other.pk]
    assert list(AdvisorNote.objects.values_list("coalition", flat=True)) == [other.pk]


def test_the_reverse_names_stay_as_declared():
    coalition: Coalition = CoalitionFactory()
    writer = UserFactory()
    change = PhaseChange.objects.create(
        coalition=coalition,
        date=datetime.date(2026, 3, 1),
        to_phase=Phase.EXPLORE,
        recorded_by=writer,
    )
    AdvisorNote.objects.create(coalition=coalition, updated_by=writer)

    assert list(coalition.phase_changes.all()) == [change]
    assert coalition.advisor_note.updated_by == writer
    # recorded_by was declared without related_name: the user keeps Django's default accessor.
    assert list(writer.phasechange_set.all()) == [change]

"""The coalition's monitor: indicators per pillar and the eleven questions, computed once per
version of the coalition's data and day (`core.analysis_cache`), so it is never staler than the
data it shows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from samenspel.core.analysis_cache import cached, coalition_data_version
from samenspel.reporting.facts import build_facts
from samenspel.reporting.indicators import Indicator, indicators_of
from samenspel.reporting.models import IndicatorNote
from samenspel.reporting.questions import QuestionAnswer, answers

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


@dataclass(frozen=True)
class Monitor:
    indicators: list[Indicator]
    questions: list[QuestionAnswer]

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


def build_monitor(coalition: Coalition, today: datetime.date) -> Monitor:
    facts = build_facts(coalition, today)
    return Monitor(indicators=indicators_of(facts), questions=answers(facts))


def monitor_of(coalition: Coalition, today: datetime.date | None = None) -> Monitor:
    today = today or timezone.localdate()
    version = f"{coalition_data_version(coalition.pk)}-{today.isoformat()}"
    return cached("monitor", version, lambda: build_monitor(coalition, today))


def notes_of(coalition: Coalition) -> dict[str, IndicatorNote]:
    """The coalition's comments per indicator key; one query."""
    return {
        note.indicator: note
        for note in IndicatorNote.objects.of_coalition(coalition).select_related("updated_by")
    }

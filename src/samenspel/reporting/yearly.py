"""The yearly evaluation report: per pillar, for one calendar year, what happened, the indicators
(with the year before beside them), and the coalition's own conclusions and next steps.

The figures are the monitor's indicators computed as on the last day of the year (or today, for
the current year) over that calendar year; the same rows go to the page, the PDF and the data
files (CSV, xlsx, JSON), which follow the five pillars of the programme's yearly benchmark.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.coalitions.models import Phase
from samenspel.core.analysis_cache import cached, coalition_data_version
from samenspel.core.choices import label
from samenspel.reporting.facts import ReportFacts, Window, build_facts
from samenspel.reporting.indicators import Indicator, Kind, indicators_of, per_pillar
from samenspel.reporting.models import ReportSection

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


@dataclass(frozen=True)
class Happening:
    date: datetime.date
    text: str


@dataclass(frozen=True)
class Bar:
    """An indicator as a bar chart of this year and the year before, in percent of the larger."""

    now: float
    before: float | None


@dataclass(frozen=True)
class Section:
    pillar: str
    title: str
    indicators: list[tuple[Indicator, Bar | None]]
    happened: list[Happening]


@dataclass(frozen=True)
class YearReport:
    year: int
    period: Window
    sections: list[Section]


def years_of(coalition: Coalition, today: datetime.date | None = None) -> list[int]:
    """The years a report can be made for: from the coalition's start to this year, newest first."""
    today = today or timezone.localdate()
    return list(range(today.year, coalition.start_date.year - 1, -1))


def _bar(indicator: Indicator) -> Bar | None:
    if indicator.value is None or indicator.kind == Kind.DAYS:
        return None
    values = [indicator.value] + ([indicator.previous] if indicator.previous is not None else [])
    top = max(values) or 1
    before = None if indicator.previous is None else indicator.previous / top * 100
    return Bar(now=indicator.value / top * 100, before=before)


def _happened(facts: ReportFacts, pillar: str) -> list[Happening]:
    window = facts.now

    def within(day: datetime.date | None) -> bool:
        return day is not None and window.start <= day <= window.end

    found: list[Happening] = []
    if pillar == "sustainable_approach":
        found += [
            Happening(step.date, _("Naar fase %(phase)s") % {"phase": label(Phase, step.to_phase)})
            for step in facts.snapshot.phase_history
            if within(step.date)
        ]
    if pillar == "strong_network":
        for partner in facts.snapshot.partners:
            name = {"name": partner.name}
            if partner.joined_on and within(partner.joined_on):
                found.append(Happening(partner.joined_on, _("%(name)s sloot aan") % name))
            if partner.left_on and within(partner.left_on):
                found.append(Happening(partner.left_on, _("%(name)s vertrok") % name))
    return sorted(found, key=lambda h: h.date)


def build_report(coalition: Coalition, year: int, today: datetime.date) -> YearReport:
    end = min(datetime.date(year, 12, 31), today)
    window = Window(datetime.date(year, 1, 1), end)
    facts = build_facts(coalition, end, window)
    return YearReport(
        year=year,
        period=window,
        sections=[
            Section(
                pillar=group.key,
                title=group.title,
                indicators=[(i, _bar(i)) for i in group.indicators],
                happened=_happened(facts, group.key),
            )
            for group in per_pillar(indicators_of(facts))
        ],
    )


def report_of(coalition: Coalition, year: int, today: datetime.date | None = None) -> YearReport:
    today = today or timezone.localdate()
    version = f"{coalition_data_version(coalition.pk)}-{year}-{today.isoformat()}"
    return cached("year-report", version, lambda: build_report(coalition, year, today))


def sections_of(coalition: Coalition, year: int) -> dict[str, ReportSection]:
    return {s.pillar: s for s in ReportSection.objects.of_coalition(coalition).filter(year=year)}


# As data


def report_rows(report: YearReport) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _("Jaar"),
        _("Pijler"),
        _("Indicator (sleutel)"),
        _("Indicator"),
        _("Waarde"),
        _("Vorige periode"),
        _("Verborgen (kleine aantallen)"),
        _("Eenheid"),
        _("Bron"),
        _("Periode"),
    ]
    rows = [
        [
            report.year,
            section.title,
            indicator.key,
            indicator.label,
            indicator.value,
            indicator.previous,
            _hidden_cells(indicator),
            indicator.kind,
            indicator.source,
            indicator.period,
        ]
        for section in report.sections
        for indicator, _bar in section.indicators
    ]
    return headers, rows


def _hidden_cells(indicator: Indicator) -> str:
    """Which of the two values were hidden as small numbers: empty, or the columns' names."""
    hidden = [(indicator.hidden, _("waarde")), (indicator.previous_hidden, _("vorige periode"))]
    return ", ".join(name for flag, name in hidden if flag)


def report_json(
    report: YearReport, coalition: Coalition, sections: dict[str, ReportSection]
) -> dict[str, Any]:
    return {
        "coalition": coalition.name,
        "municipality": coalition.municipality.name,
        "year": report.year,
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "pillars": [
            {
                "pillar": section.pillar,
                "title": section.title,
                "conclusions": sections[section.pillar].conclusions
                if section.pillar in sections
                else "",
                "next_steps": sections[section.pillar].next_steps
                if section.pillar in sections
                else "",
                "happened": [
                    {"date": h.date.isoformat(), "what": h.text} for h in section.happened
                ],
                "indicators": [
                    {
                        "key": i.key,
                        "label": i.label,
                        "value": i.value,
                        "previous": i.previous,
                        "hidden": i.hidden,
                        "previous_hidden": i.previous_hidden,
                        "unit": i.kind,
                        "source": i.source,
                        "period": i.period,
                    }
                    for i, _bar in section.indicators
                ],
            }
            for section in report.sections
        ],
    }

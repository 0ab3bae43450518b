"""Indicators per pillar, computed from the coalition's own data.

The five pillars (guide section `pillars`) give the structure in which the programme's yearly
benchmark asks for figures. Each indicator names where its figure comes from (`source`), the
period it covers, and where the data allow it the same figure for the period before, so that the
page can say whether it went up or down. The coalition writes its own comment beside it
(`IndicatorNote`, keyed by the indicator's `key`).

Every source is a pure function of `ReportFacts` that returns its indicators; adding a source is
one more function in `SOURCES`. The signals of loneliness give counts whose small numbers the
signals app hides (`signals.suppression`); such an indicator is `hidden`, which is not the same as
having no data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice.snapshot import PartnerFact
from samenspel.guide.content import get_section
from samenspel.partners.models import Circle, PartnerKind
from samenspel.reporting.facts import ReportFacts, Window
from samenspel.scans.results import direction
from samenspel.signals.figures import OPEN, WAITS, Table
from samenspel.signals.workflow import Outcome


class Pillar(StrEnum):
    """The keys of the guide's five pillars, in their order."""

    COMMITMENT = "administrative_commitment"
    NETWORK = "strong_network"
    RESIDENTS = "involve_residents"
    SUSTAINABLE = "sustainable_approach"
    MONITORING = "monitoring_evaluation"


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    SCORE = "score"  # a mean on the scan's 1–5 scale
    DAYS = "days"


# A change of a count or an amount smaller than this is no change; a scan mean follows the scan
# results pages (`scans.results.direction`).
COUNT_UNCHANGED_BELOW = 0.5


@dataclass(frozen=True)
class Indicator:
    key: str
    pillar: str
    label: str
    kind: str
    value: float | None  # None: the data do not give it (yet)
    source: str
    period: str
    previous: float | None = None
    previous_period: str = ""
    hidden: bool = False  # the value exists but is too small to show (suppressed)
    previous_hidden: bool = False

    @property
    def trend(self) -> str:
        """'up', 'down', 'same', or '' when there is nothing to compare with."""
        if self.value is None or self.previous is None:
            return ""
        delta = self.value - self.previous
        return (
            direction(delta) if self.kind == Kind.SCORE else direction(delta, COUNT_UNCHANGED_BELOW)
        )

    @property
    def display(self) -> str:
        return hidden_label() if self.hidden else formatted(self.value, self.kind)

    @property
    def previous_display(self) -> str:
        return hidden_label() if self.previous_hidden else formatted(self.previous, self.kind)


def hidden_label() -> str:
    return _("verborgen (kleine aantallen)")


def formatted(value: float | None, kind: str) -> str:
    if value is None:
        return _("geen gegevens")
    if kind == Kind.MONEY:
        return "€ " + number_format(round(value), 0, force_grouping=True)
    if kind == Kind.SCORE:
        return number_format(round(value, 1), 1)
    if kind == Kind.DAYS:
        return ngettext("%(n)s dag", "%(n)s dagen", int(value)) % {"n": int(value)}
    return number_format(int(value), 0, force_grouping=True)


def window_label(window: Window) -> str:
    return _("%(start)s tot en met %(end)s") % {
        "start": date_format(window.start, "j F Y"),
        "end": date_format(window.end, "j F Y"),
    }


def on_day(day: datetime.date) -> str:
    return _("op %(day)s") % {"day": date_format(day, "j F Y")}


def _current_on(partners: Iterable[PartnerFact], day: datetime.date) -> list[PartnerFact]:
    return [
        p
        for p in partners
        if (p.joined_on is None or p.joined_on <= day) and (p.left_on is None or p.left_on > day)
    ]


# The sources


def partner_indicators(facts: ReportFacts) -> list[Indicator]:
    partners = facts.snapshot.partners
    today, year_ago = facts.today, facts.now.start - datetime.timedelta(days=1)
    now, before = _current_on(partners, today), _current_on(partners, year_ago)
    source = _("Partners en kringen")

    def count(key: str, pillar: str, label: str, keep: Callable[[PartnerFact], bool]) -> Indicator:
        return Indicator(
            key=key,
            pillar=pillar,
            label=label,
            kind=Kind.COUNT,
            value=sum(1 for p in now if keep(p)),
            source=source,
            period=on_day(today),
            previous=sum(1 for p in before if keep(p)),
            previous_period=on_day(year_ago),
        )

    return [
        count("partners", Pillar.NETWORK, _("Partners in de coalitie"), lambda p: True),
        count(
            "core_partners",
            Pillar.NETWORK,
            _("Partners in de kern"),
            lambda p: p.circle == Circle.CORE,
        ),
        count(
            "resident_partners",
            Pillar.RESIDENTS,
            _("Partners van inwoners en ondernemers"),
            lambda p: p.kind in (PartnerKind.RESIDENTS, PartnerKind.ENTREPRENEURS),
        ),
        count(
            "municipality_partners",
            Pillar.COMMITMENT,
            _("Gemeentelijke partners"),
            lambda p: p.kind == PartnerKind.MUNICIPALITY,
        ),
    ]


def phase_indicators(facts: ReportFacts) -> list[Indicator]:
    snapshot, now = facts.snapshot, facts.now
    before = now.before

    def changes(window: Window) -> int:
        return sum(1 for step in snapshot.phase_history if window.start <= step.date <= window.end)

    source = _("Fasegeschiedenis")
    return [
        Indicator(
            key="days_in_phase",
            pillar=Pillar.SUSTAINABLE,
            label=_("Tijd in de huidige fase"),
            kind=Kind.DAYS,
            value=snapshot.days_in_phase,
            source=source,
            period=_("sinds %(day)s") % {"day": date_format(snapshot.phase_since, "j F Y")},
        ),
        Indicator(
            key="phase_changes",
            pillar=Pillar.SUSTAINABLE,
            label=_("Faseovergangen"),
            kind=Kind.COUNT,
            value=changes(now),
            source=source,
            period=window_label(now),
            previous=changes(before),
            previous_period=window_label(before),
        ),
    ]


def _funding_on(facts: ReportFacts, day: datetime.date) -> float:
    return sum(
        f.amount
        for f in facts.snapshot.funding
        if f.start_date <= day and (f.end_date is None or f.end_date >= day)
    )


def money_indicators(facts: ReportFacts) -> list[Indicator]:
    today, year_ago = facts.today, facts.now.start - datetime.timedelta(days=1)
    horizon = today + datetime.timedelta(days=365)
    source = _("Financiering")
    ending = sum(
        f.amount
        for f in facts.snapshot.funding
        if f.end_date is not None and today <= f.end_date <= horizon
    )
    return [
        Indicator(
            key="funding_running",
            pillar=Pillar.COMMITMENT,
            label=_("Lopende financiering"),
            kind=Kind.MONEY,
            value=_funding_on(facts, today),
            source=source,
            period=on_day(today),
            previous=_funding_on(facts, year_ago),
            previous_period=on_day(year_ago),
        ),
        Indicator(
            key="funding_ending",
            pillar=Pillar.SUSTAINABLE,
            label=_("Financiering die binnen een jaar afloopt"),
            kind=Kind.MONEY,
            value=ending,
            source=source,
            period=window_label(Window(today, horizon)),
        ),
        Indicator(
            key="agreements",
            pillar=Pillar.SUSTAINABLE,
            label=_("Partners met vastgelegde afspraken"),
            kind=Kind.COUNT,
            value=facts.agreements,
            source=_("Afspraken"),
            period=on_day(today),
        ),
    ]


def offer_indicators(facts: ReportFacts) -> list[Indicator]:
    source = _("Aanbod en bereik")
    return [
        Indicator(
            key="reach",
            pillar=Pillar.RESIDENTS,
            label=_("Deelnemers bereikt (nieuw en terugkerend)"),
            kind=Kind.COUNT,
            value=facts.reach_now,
            source=source,
            period=window_label(facts.now),
            previous=facts.reach_before,
            previous_period=window_label(facts.now.before),
        ),
        Indicator(
            key="active_activities",
            pillar=Pillar.RESIDENTS,
            label=_("Lopende activiteiten"),
            kind=Kind.COUNT,
            value=facts.active_activities,
            source=source,
            period=on_day(facts.today),
        ),
    ]


def evaluation_indicators(facts: ReportFacts) -> list[Indicator]:
    last = facts.snapshot.last_evaluation
    return [
        Indicator(
            key="days_since_evaluation",
            pillar=Pillar.MONITORING,
            label=_("Tijd sinds de laatste evaluatie"),
            kind=Kind.DAYS,
            value=(facts.today - last.date).days if last else None,
            source=last.what if last else _("Evaluaties en scans"),
            period=on_day(facts.today),
        )
    ]


def scan_indicators(facts: ReportFacts) -> list[Indicator]:
    """The partners' own rating of each pillar (scan 'Vijf pijlers en elf monitorvragen')."""
    results = facts.scans.get("pillars")
    if results is None:
        return [
            Indicator(
                key=f"scan_{pillar}",
                pillar=pillar,
                label=_("Oordeel in de scan (1–5)"),
                kind=Kind.SCORE,
                value=None,
                source=_("Scan vijf pijlers"),
                period=_("nog geen gesloten scanronde"),
            )
            for pillar in Pillar
        ]
    previous = results.previous_round
    indicators = []
    for pillar in Pillar:
        result = results.subscale(pillar)
        indicators.append(
            Indicator(
                key=f"scan_{pillar}",
                pillar=pillar,
                label=_("Oordeel in de scan (1–5)"),
                kind=Kind.SCORE,
                value=result.aggregate.mean if result.aggregate else None,
                source=_("Scan vijf pijlers, %(n)s antwoorden") % {"n": result.n},
                period=results.round.title,
                previous=result.previous.mean if result.previous else None,
                previous_period=previous.title if previous else "",
            )
        )
    return indicators


def _table(tables: list[Table], key: str) -> Table:
    return next(table for table in tables if table.key == key)


def _months(table: Table) -> str:
    return _("%(first)s tot en met %(last)s") % {
        "first": table.rows[0].label,
        "last": table.rows[-1].label,
    }


def signal_indicators(facts: ReportFacts) -> list[Indicator]:
    """Signals received, per outcome and per time to the first contact, over twelve calendar
    months beside the twelve before; a count the signals app hid stays hidden."""
    source = _("Signalen van eenzaamheid")

    def count(
        key: str, label: str, pick: Callable[[list[Table]], int | None], table_key: str
    ) -> Indicator:
        now, before = pick(facts.signals), pick(facts.signals_before)
        return Indicator(
            key=key,
            pillar=Pillar.RESIDENTS,
            label=label,
            kind=Kind.COUNT,
            value=now,
            source=source,
            period=_months(_table(facts.signals, table_key)),
            previous=before,
            previous_period=_months(_table(facts.signals_before, table_key)),
            hidden=now is None,
            previous_hidden=before is None,
        )

    def column(table_key: str, index: int) -> Callable[[list[Table]], int | None]:
        return lambda tables: _table(tables, table_key).totals[index]

    per_column: list[tuple[str, str, Callable[[str], str], list[tuple[str, Any]]]] = [
        (
            "outcome",
            "signals_outcome",
            lambda label: _("Signalen met uitkomst: %(outcome)s") % {"outcome": label},
            [*Outcome.choices, (OPEN, _("nog open"))],
        ),
        (
            "wait",
            "signals_contact",
            lambda label: _("Eerste contact %(wait)s") % {"wait": label},
            WAITS,
        ),
    ]
    return [
        count(
            "signals",
            _("Signalen ontvangen"),
            lambda tables: _table(tables, "source").grand,
            "source",
        ),
        *(
            count(f"{prefix}_{value}", name(label), column(table_key, index), table_key)
            for table_key, prefix, name, columns in per_column
            for index, (value, label) in enumerate(columns)
        ),
    ]


SOURCES: tuple[Callable[[ReportFacts], list[Indicator]], ...] = (
    phase_indicators,
    partner_indicators,
    money_indicators,
    offer_indicators,
    evaluation_indicators,
    scan_indicators,
    signal_indicators,
)


@dataclass(frozen=True)
class PillarIndicators:
    key: str
    title: str
    indicators: list[Indicator]


def indicators_of(facts: ReportFacts) -> list[Indicator]:
    return [indicator for source in SOURCES for indicator in source(facts)]


def per_pillar(indicators: Iterable[Indicator]) -> list[PillarIndicators]:
    """The indicators grouped under the guide's pillars, in the guide's order."""
    items = list(indicators)
    return [
        PillarIndicators(
            key=item.key,
            title=item.title,
            indicators=[i for i in items if i.pillar == item.key],
        )
        for item in get_section("pillars").items
    ]

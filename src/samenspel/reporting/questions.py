"""The eleven monitoring questions (guide section `monitoring_questions`), answered as far as the
coalition's data can, beside the partners' own answer to the same question in the scan 'Vijf
pijlers en elf monitorvragen' (its items `q01`…`q11`).

Where Samenspel keeps no data on a question (the kitchen-table talk, prevention) the page says so
rather than guess; the partners' answer then stands alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from samenspel.guide.content import get_section
from samenspel.partners.models import PartnerKind
from samenspel.reporting.facts import ReportFacts
from samenspel.reporting.indicators import Kind, formatted


@dataclass(frozen=True)
class Evidence:
    label: str
    value: str


@dataclass(frozen=True)
class ScanAnswer:
    mean: float | None  # None: nobody gave an opinion
    n: int
    dont_know: int


@dataclass(frozen=True)
class QuestionAnswer:
    key: str
    title: str
    evidence: list[Evidence]
    scan: ScanAnswer | None  # None: no closed round of the scan yet


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")


def _count(value: int) -> str:
    return formatted(value, Kind.COUNT)


def _partners_of(facts: ReportFacts, *kinds: str) -> int:
    return sum(1 for p in facts.snapshot.current_partners if p.kind in kinds)


def _vision(facts: ReportFacts) -> list[Evidence]:
    with_figures = sum(1 for w in facts.snapshot.wijken if w.strongly_lonely is not None)
    return [
        Evidence(_("Gedeelde ambitie vastgelegd"), _yes_no(facts.snapshot.ambition_chars > 0)),
        Evidence(_("Wijken met cijfers over eenzaamheid"), _count(with_figures)),
    ]


def _owner(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(
            _("Coördinatoren met een account"),
            _count(facts.snapshot.memberships.get("coordinator", 0)),
        ),
        Evidence(_("Partners met vastgelegde afspraken"), _count(facts.agreements)),
    ]


def _information(facts: ReportFacts) -> list[Evidence]:
    return [Evidence(_("Openbaar overzicht van het aanbod"), _yes_no(facts.finder_published))]


def _offer(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(_("Lopende activiteiten"), _count(facts.active_activities)),
        Evidence(_("Verschillende soorten activiteiten"), _count(facts.activity_kinds)),
    ]


def _initiatives(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(
            _("Partners van inwoners, verenigingen en gemeenschappen"),
            _count(_partners_of(facts, PartnerKind.RESIDENTS, PartnerKind.ASSOCIATIONS)),
        )
    ]


def _signalling(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(
            _("Partners die inwoners thuis of in de wijk zien"),
            _count(_partners_of(facts, PartnerKind.NEIGHBOURHOOD_TEAM, PartnerKind.CARE_PROVIDERS)),
        )
    ]


def _capacity(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(_("Deelnemers bereikt, afgelopen twaalf maanden"), _count(facts.reach_now)),
        Evidence(
            _("Welzijnsorganisaties in de coalitie"),
            _count(_partners_of(facts, PartnerKind.WELFARE)),
        ),
    ]


def _own_strength(facts: ReportFacts) -> list[Evidence]:
    return [
        Evidence(
            _("Partners van inwoners zelf"), _count(_partners_of(facts, PartnerKind.RESIDENTS))
        )
    ]


def _no_data(facts: ReportFacts) -> list[Evidence]:
    return []


EVIDENCE: dict[str, Callable[[ReportFacts], list[Evidence]]] = {
    "q01": _vision,
    "q02": _owner,
    "q03": _information,
    "q04": _offer,
    "q05": _initiatives,
    "q06": _no_data,
    "q07": _signalling,
    "q08": _no_data,  # the route of a signal: with the signals of loneliness
    "q09": _capacity,
    "q10": _no_data,
    "q11": _own_strength,
}


def _scan_answers(facts: ReportFacts) -> dict[str, ScanAnswer] | None:
    results = facts.scans.get("pillars")
    if results is None:
        return None
    return {
        item.item.key: ScanAnswer(
            mean=item.aggregate.mean if item.aggregate else None,
            n=item.aggregate.n if item.aggregate else 0,
            dont_know=item.dont_know,
        )
        for item in results.subscale("monitoring").items
    }


def answers(facts: ReportFacts) -> list[QuestionAnswer]:
    scan = _scan_answers(facts)
    return [
        QuestionAnswer(
            key=item.key,
            title=item.title,
            evidence=EVIDENCE[item.key](facts),
            scan=scan.get(item.key) if scan is not None else None,
        )
        for item in get_section("monitoring_questions").items
    ]

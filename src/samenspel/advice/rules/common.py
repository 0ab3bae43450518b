"""What the advice rules share: thresholds, formatting helpers and the scan statistics.

Every rule module of this package imports from here; a threshold used by one rule only lives next
to that rule, with its reason."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.advice.findings import Finding
from samenspel.advice.snapshot import CoalitionSnapshot, ScaleStat
from samenspel.coalitions.models import (
    ChecklistStatus,
    LegalStructure,
    Phase,
    phase_number,
)
from samenspel.partners.models import Circle, CoalitionRole, PartnerKind
from samenspel.scans.results import decimal
from samenspel.scans.scoring import MIN_GROUP

Rule = Callable[[CoalitionSnapshot], list[Finding]]

# Thresholds shared by several rules

# 3 is "neutraal" on the 1–5 agreement scale: a mean below it means that, on balance, partners
# disagree with the statements about this condition.
LOW_MEAN = 3.0
# Halfway between "oneens" and "neutraal": a clear majority disagrees. Urgent.
VERY_LOW_MEAN = 2.5
# With one or two respondents a mean is a person, not the coalition (the same threshold as the
# smallest group the scan results ever show).
MIN_RESPONDENTS = MIN_GROUP
# Half a year, in days: the step in which time-based findings grow, so that a dismissed finding
# about time comes back after another half year instead of the next morning.
HALF_YEAR_DAYS = 182

# Roles that steer the coalition: whoever holds all of them alone carries the coalition.
STEERING_ROLES = (
    CoalitionRole.PROCESS_LEAD,
    CoalitionRole.NETWORK_COORDINATION,
    CoalitionRole.FUNDER,
)
FORMAL_STRUCTURES = (
    LegalStructure.FOUNDATION,
    LegalStructure.ASSOCIATION,
    LegalStructure.COOPERATIVE,
)


# Small helpers (formatting in the active language, Dutch by default)


def date_text(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def months(days: int) -> int:
    return int(days // 30.44)


def names_text(names: Iterable[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def role_labels(roles: Iterable[str]) -> str:
    return names_text(str(CoalitionRole(role).label).lower() for role in roles)


def kind_label(kind: str) -> str:
    return str(PartnerKind(kind).label)


def circle_label(circle: str) -> str:
    return str(Circle(circle).label)


def phase_label(phase: str) -> str:
    return str(Phase(phase).label)


def status_label(status: str) -> str:
    return str(ChecklistStatus(status).label).lower()


def counted(stat: ScaleStat | None) -> bool:
    return stat is not None and stat.n >= MIN_RESPONDENTS


def is_low(stat: ScaleStat | None, threshold: float = LOW_MEAN) -> bool:
    return counted(stat) and round(stat.mean, 6) < threshold  # type: ignore[union-attr]


def troubled(stat: ScaleStat | None) -> bool:
    """Low, or the respondents clearly do not share one picture (see scans.scoring)."""
    return is_low(stat) or (stat is not None and stat.disagreement)


def deficit(stat: ScaleStat) -> float:
    """How far below the middle, plus the spread when respondents disagree: both make it worse."""
    return max(0.0, LOW_MEAN - stat.mean) + (stat.sd if stat.disagreement else 0.0)


def stat_line(s: CoalitionSnapshot, instrument: str, subscale: str, *, core: bool = False) -> str:
    fact = s.scans[instrument]
    stat = (fact.core if core else fact.subscales)[subscale]
    line = _(
        "%(subscale)s (%(scan)s, ronde '%(round)s' van %(date)s%(who)s): gemiddeld %(mean)s op "
        "een schaal van 1 tot 5, spreiding %(sd)s, %(n)s antwoorden."
    ) % {
        "subscale": fact.subscale_titles.get(subscale, subscale),
        "scan": fact.title,
        "round": fact.round_title,
        "date": date_text(fact.closed_on),
        "who": _(", alleen respondenten van kernpartners") if core else "",
        "mean": decimal(stat.mean),
        "sd": decimal(stat.sd),
        "n": stat.n,
    }
    if stat.disagreement:
        line += " " + _(
            "De antwoorden lopen sterk uiteen (%(low)s%% laag, %(high)s%% hoog): partners zien "
            "dit niet hetzelfde."
        ) % {"low": round(stat.share_low * 100), "high": round(stat.share_high * 100)}
    return line


def phase_at_least(s: CoalitionSnapshot, phase: str) -> bool:
    number, wanted = s.phase_number, phase_number(phase)
    return number is not None and wanted is not None and number >= wanted

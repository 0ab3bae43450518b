"""Funding that carries activities ends without a plan (Handreiking §1.3, §1.2.5)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    date_text,
    names_text,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Phase,
)

# 7b. Funding that carries activities ends without a plan (Handreiking §1.3, 'Dilemma: subsidie
# nodig of niet?'; §1.2.5, are the sources of income future-proof?)

# Within a quarter it is urgent: a new application or a place in a partner's budget takes longer.
FUNDING_URGENT_DAYS = 90


def _a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _euro(amount: float) -> str:
    grouped = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {grouped}"


def subsidy_ends_without_plan(s: CoalitionSnapshot) -> list[Finding]:
    """One finding per source that carries activities, ends within twelve months (today up to the
    same day next year) and has no plan for afterwards."""
    if s.phase == Phase.STOPPED:
        return []
    horizon = _a_year_after(s.today)
    findings = []
    for fact in s.funding:
        if not fact.carries_activities or fact.has_continuity_plan or fact.end_date is None:
            continue
        if not s.today <= fact.end_date <= horizon:
            continue
        days = (fact.end_date - s.today).days
        later = [
            other.funder
            for other in s.funding
            if other.uuid != fact.uuid
            and (other.end_date is None or other.end_date > fact.end_date)
        ]
        values = {
            "funder": fact.funder,
            "amount": _euro(fact.amount),
            "date": date_text(fact.end_date),
            "days": days,
        }
        evidence = [
            ngettext(
                "%(funder)s (%(amount)s) loopt af op %(date)s, over %(days)s dag.",
                "%(funder)s (%(amount)s) loopt af op %(date)s, over %(days)s dagen.",
                days,
            )
            % values,
            _("Er hangen activiteiten van af en er is geen plan voor daarna vastgelegd."),
            _("Na die datum loopt nog door: %(names)s.") % {"names": names_text(later)}
            if later
            else _("Er is geen andere financiering die daarna doorloopt."),
        ]
        findings.append(
            Finding(
                rule="subsidy_ends_without_plan",
                subject=fact.uuid,
                severity=Severity.URGENT if days <= FUNDING_URGENT_DAYS else Severity.ATTENTION,
                title=rule_texts.title("subsidy_ends_without_plan") % values,
                evidence=evidence,
                explanation=rule_texts.explanation("subsidy_ends_without_plan"),
                guide=("dilemmas", "subsidy"),
                next_step=rule_texts.next_step("subsidy_ends_without_plan") % values,
                magnitude=float(4 - days // 91),
            )
        )
    return findings

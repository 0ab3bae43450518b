"""Reads of agreement data that pages, the API and the dashboard share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from samenspel.agreements.models import (
    AMBITION_FIELDS,
    AmbitionVersion,
    Covenant,
    PartnerAgreement,
    ProcessStep,
    Signatory,
)
from samenspel.coalitions.models import Coalition
from samenspel.core.tenancy import MembershipLike, lookup_or_404
from samenspel.partners.models import Partner


def agreements_for(membership: MembershipLike) -> QuerySet[PartnerAgreement]:
    return PartnerAgreement.objects.visible_to(membership).select_related("partner", "coalition")


def steps_for(membership: MembershipLike) -> QuerySet[ProcessStep]:
    return ProcessStep.objects.visible_to(membership).select_related("owner", "coalition")


def covenant_of(coalition: Coalition) -> Covenant | None:
    return Covenant.objects.of_coalition(coalition).first()


def covenant_or_404(membership: MembershipLike) -> Covenant:
    """The coalition's one covenant (404 while there is none)."""
    return lookup_or_404(Covenant.objects.visible_to(membership).select_related("coalition"))


def signatories_for(membership: MembershipLike) -> QuerySet[Signatory]:
    return Signatory.objects.visible_to(membership).select_related("partner", "covenant__coalition")


def signatories(covenant: Covenant) -> list[Signatory]:
    return list(covenant.signatories.select_related("partner"))


# Ambition history -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmbitionEntry:
    version: AmbitionVersion
    changed: list[str]  # verbose names of the fields that differ from the version before
    is_first: bool


def ambition_history(coalition: Coalition) -> list[AmbitionEntry]:
    """Every version, newest first, with what changed compared to the one before (one query)."""
    versions = list(AmbitionVersion.objects.of_coalition(coalition).select_related("created_by"))
    entries = []
    for index, version in enumerate(versions):
        older = versions[index + 1] if index + 1 < len(versions) else None
        changed = [
            str(getattr(AmbitionVersion._meta.get_field(name), "verbose_name", name))
            for name in AMBITION_FIELDS
            if older is None or getattr(older, name) != getattr(version, name)
        ]
        entries.append(AmbitionEntry(version, [] if older is None else changed, older is None))
    return entries


# Balance of bringing and taking (handbook §1.2.4, 'meedoen naar vermogen') ----------------------


@dataclass(slots=True)
class PartnerBalance:
    """One row of the overview, computed once: the page reads each value many times, so the
    template gets plain attributes instead of properties that walk the agreement again."""

    partner: Partner
    agreement: PartnerAgreement | None
    hours: Decimal
    money: Decimal
    other_contributions: list[tuple[str, str]]
    brings: str
    takes: str
    takes_without_contribution: bool

    @classmethod
    def of(cls, partner: Partner, agreement: PartnerAgreement | None) -> PartnerBalance:
        brings, takes = partner.brings.strip(), partner.takes.strip()
        has_contribution = bool(brings) or bool(agreement and agreement.has_contribution)
        return cls(
            partner=partner,
            agreement=agreement,
            hours=agreement.hours_per_month if agreement else Decimal(0),
            money=agreement.money if agreement else Decimal(0),
            other_contributions=agreement.other_contributions if agreement else [],
            brings=brings,
            takes=takes,
            # What the partner comes to take is recorded, but nothing it brings: friction ahead.
            takes_without_contribution=bool(takes) and not has_contribution,
        )


@dataclass
class BalanceOverview:
    rows: list[PartnerBalance]
    total_hours: Decimal = Decimal(0)
    total_money: Decimal = Decimal(0)
    with_agreement: int = 0
    flagged: list[PartnerBalance] = field(default_factory=list)

    @property
    def without_agreement(self) -> int:
        return len(self.rows) - self.with_agreement


def balance_overview(coalition: Coalition) -> BalanceOverview:
    """Per current partner its agreement and the balance of what it brings and takes, with the
    coalition's totals. One query, however many partners."""
    partners = (
        Partner.objects.of_coalition(coalition)
        .current()
        .select_related("agreement")
        .only("uuid", "name", "brings", "takes", "coalition_id", "agreement")
        .order_by("name", "pk")
    )
    rows = [PartnerBalance.of(partner, getattr(partner, "agreement", None)) for partner in partners]
    overview = BalanceOverview(rows)
    for row in rows:
        overview.total_hours += row.hours
        overview.total_money += row.money
        overview.with_agreement += row.agreement is not None
        if row.takes_without_contribution:
            overview.flagged.append(row)
    return overview


# Process design ---------------------------------------------------------------------------------


def process_steps(coalition: Coalition) -> list[ProcessStep]:
    return list(ProcessStep.objects.of_coalition(coalition).select_related("owner"))


def overdue_steps(coalition: Coalition, today: datetime.date) -> list[ProcessStep]:
    return list(
        ProcessStep.objects.of_coalition(coalition)
        .overdue(today)
        .select_related("owner")
        .order_by("due_date", "order", "pk")
    )

"""The advice engine: snapshot -> rules -> findings, minus what the coalition set aside.

A coordinator may set a finding aside ("terzijde leggen") with a reason, for example because the
coalition discussed it and chose to live with it. The dismissal stores the finding's magnitude at
that moment. The finding stays hidden as long as its magnitude does not grow; as soon as the
evidence grows (another role for the same partner, a lower score, another half year without an
evaluation), it returns by itself, with a note that it had been set aside before.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.advice.audit_actions import AdviceAction
from samenspel.advice.findings import Finding
from samenspel.advice.models import Dismissal
from samenspel.advice.rules import LABELS, RULES
from samenspel.advice.snapshot import CoalitionSnapshot, build_snapshot
from samenspel.core import audit
from samenspel.core.analysis_cache import cached, coalition_data_version

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

# Magnitudes are compared with a little room for floating point noise.
EPSILON = 1e-9
REASON_MAX_LENGTH = 2000


def evaluate(snapshot: CoalitionSnapshot) -> list[Finding]:
    """Every finding of every rule, most pressing first (then in the order of `RULES`)."""
    found = [finding for rule in RULES for finding in rule(snapshot)]
    order = {rule.__name__: index for index, rule in enumerate(RULES)}
    return sorted(found, key=lambda f: (f.severity_rank, order[f.rule]))


def is_hidden(finding: Finding, dismissal: Dismissal | None) -> bool:
    """Hidden while dismissed and not grown since."""
    return dismissal is not None and finding.magnitude <= dismissal.magnitude + EPSILON


@dataclass(frozen=True)
class DismissedEntry:
    dismissal: Dismissal
    finding: Finding | None  # None: the finding does not occur at the moment

    @property
    def label(self) -> str:
        return self.finding.title if self.finding else str(LABELS.get(self.dismissal.rule_key, ""))


@dataclass(frozen=True)
class Advice:
    """What the findings page shows."""

    findings: list[Finding]  # shown, most pressing first
    dismissed: list[DismissedEntry]  # set aside and still hidden, or no longer occurring
    returned: dict[tuple[str, str], Dismissal] = field(default_factory=dict)  # shown again
    # because their magnitude grew since they were set aside


def findings_of(coalition: Coalition, *, today: datetime.date | None = None) -> list[Finding]:
    """All findings before dismissals, cached under the coalition's data version and the day
    (several rules count days)."""
    today = today or timezone.localdate()
    version = f"{coalition_data_version(coalition.pk)}-{today.isoformat()}"
    return cached("advice", version, lambda: evaluate(build_snapshot(coalition, today=today)))


def advice(coalition: Coalition, *, today: datetime.date | None = None) -> Advice:
    findings = findings_of(coalition, today=today)
    dismissals = {
        (d.rule_key, d.subject): d
        for d in Dismissal.objects.of_coalition(coalition).select_related("dismissed_by")
    }
    shown, dismissed, returned = [], [], {}
    current = {finding.key: finding for finding in findings}
    for finding in findings:
        dismissal = dismissals.get(finding.key)
        if is_hidden(finding, dismissal):
            continue
        shown.append(finding)
        if dismissal is not None:
            returned[finding.key] = dismissal
    for key, dismissal in dismissals.items():
        occurring = current.get(key)
        if occurring is None or is_hidden(occurring, dismissal):
            dismissed.append(DismissedEntry(dismissal, occurring))
    dismissed.sort(key=lambda entry: entry.dismissal.dismissed_at, reverse=True)
    return Advice(findings=shown, dismissed=dismissed, returned=returned)


def current_findings(coalition: Coalition) -> list[Finding]:
    """The coalition's findings, without the ones set aside (unless they grew since)."""
    return advice(coalition).findings


def _find(coalition: Coalition, rule: str, subject: str) -> Finding:
    if rule not in LABELS:
        raise ValidationError({"rule": _("Deze bevinding bestaat niet.")})
    for finding in findings_of(coalition):
        if finding.rule == rule and finding.subject == subject:
            return finding
    raise ValidationError(
        _("Deze bevinding speelt op dit moment niet (meer); er is niets om terzijde te leggen.")
    )


@transaction.atomic
def dismiss(
    coalition: Coalition, rule: str, subject: str, *, acting_user: User, reason: str
) -> Dismissal:
    """Set a current finding aside, with a reason; it returns when its evidence grows."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {
                "reason": _(
                    "Geef een reden op, zodat anderen weten waarom deze bevinding terzijde ligt."
                )
            }
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Houd de reden korter dan %(n)s tekens.") % {"n": REASON_MAX_LENGTH}}
        )
    finding = _find(coalition, rule, subject)
    dismissal = _dismissal(coalition, rule, subject) or Dismissal(
        coalition=coalition, rule_key=rule, subject=subject
    )
    values = {"reason": reason, "magnitude": finding.magnitude, "dismissed_by": acting_user}
    if dismissal.pk:
        values["dismissed_at"] = timezone.now()  # set aside again: the new moment counts
    return audit.save(
        dismissal,
        values,
        created=AdviceAction.FINDING_DISMISSED,
        updated=AdviceAction.FINDING_DISMISSED,
        acting_user=acting_user,
        coalition=coalition,
        check=None,  # the reason was checked above; the rest comes from the finding
        context={"rule": rule, "subject": subject},
        label=finding.title,
    )


def _dismissal(coalition: Coalition, rule: str, subject: str) -> Dismissal | None:
    return (
        Dismissal.objects.of_coalition(coalition)
        .select_for_update()
        .filter(rule_key=rule, subject=subject)
        .first()
    )


@transaction.atomic
def restore(coalition: Coalition, rule: str, subject: str, *, acting_user: User) -> None:
    """Undo a dismissal: the finding shows again (if it still occurs)."""
    dismissal = _dismissal(coalition, rule, subject)
    if dismissal is None:
        raise ValidationError(_("Deze bevinding ligt niet terzijde."))
    audit.delete(
        dismissal,
        action=AdviceAction.FINDING_RESTORED,
        acting_user=acting_user,
        coalition=coalition,
        context={"rule": rule, "subject": subject},
        label=str(LABELS.get(rule, rule)),
    )

"""The netwerkdip (Handreiking §1.2.6, figure 2): the scans app's early warning."""

from __future__ import annotations

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.scans.netwerkdip import DipLevel

# 14. The netwerkdip (Handreiking §1.2.6, figure 2): the scans app's early warning

DIP_SEVERITY = {DipLevel.WATCH: Severity.ATTENTION, DipLevel.WARNING: Severity.URGENT}
DIP_RANK = {DipLevel.WATCH: 1, DipLevel.WARNING: 2}


def netwerkdip(s: CoalitionSnapshot) -> list[Finding]:
    dip = s.dip
    if dip is None or dip.level not in DIP_SEVERITY:
        return []
    return [
        Finding(
            rule="netwerkdip",
            subject="",
            severity=DIP_SEVERITY[DipLevel(dip.level)],
            title=(
                rule_texts.title("netwerkdip", "warning")
                if dip.level == DipLevel.WARNING
                else rule_texts.title("netwerkdip", "watch")
            ),
            evidence=list(dip.evidence),
            explanation=dip.explanation,
            guide=("phase_changes", "netwerkdip"),
            next_step=rule_texts.next_step("netwerkdip"),
            magnitude=float(10 * DIP_RANK[DipLevel(dip.level)] + len(dip.evidence)),
        )
    ]

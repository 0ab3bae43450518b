"""Everything the coalition dashboard shows, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from samenspel.coalitions.models import Coalition, PhaseChange
from samenspel.coalitions.progress import PhaseSuggestion, suggest_phase
from samenspel.core.analysis_cache import cached, coalition_data_version
from samenspel.core.choices import label
from samenspel.core.models import AuditEvent
from samenspel.partners.models import Circle, Partner, PartnerEvent, PartnerKind
from samenspel.partners.selectors import missing_kinds


@dataclass(frozen=True)
class Tally:
    """One choice (a circle, a kind of partner) with its label and how often it occurs."""

    value: str
    label: str
    count: int = 0


@dataclass(frozen=True)
class Dashboard:
    coalition: Coalition
    phase_since: datetime.date
    days_in_phase: int
    suggestion: PhaseSuggestion
    per_circle: list[Tally]
    per_kind: list[Tally]
    partner_count: int
    missing_kinds: list[Tally]  # kinds the handbook recommends that have no partner (count 0)
    open_conversations: list[PartnerEvent]
    recent_changes: list[AuditEvent]
    recent_phase_changes: list[PhaseChange]


def cached_dashboard(coalition: Coalition) -> Dashboard:
    """`build_dashboard`, cached under the coalition's data version and the day (days in phase)."""
    version = f"{coalition_data_version(coalition.pk)}-{timezone.localdate().isoformat()}"
    return cached("dashboard", version, lambda: build_dashboard(coalition))


def build_dashboard(coalition: Coalition) -> Dashboard:
    history = list(coalition.phase_changes.select_related("recorded_by"))
    recent_phase_changes = history[:3]
    since = recent_phase_changes[0].date if recent_phase_changes else coalition.start_date
    counts = (
        Partner.objects.of_coalition(coalition)
        .current()
        .values_list("circle", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    circle_counts: Counter[str] = Counter()
    kind_counts: Counter[str] = Counter()
    for circle, kind, n in counts:
        circle_counts[circle] += n
        kind_counts[kind] += n
    return Dashboard(
        coalition=coalition,
        phase_since=since,
        days_in_phase=(timezone.localdate() - since).days,
        suggestion=suggest_phase(coalition, history),
        per_circle=[Tally(c.value, label(Circle, c.value), circle_counts[c.value]) for c in Circle],
        per_kind=[
            Tally(k.value, label(PartnerKind, k.value), kind_counts[k.value])
            for k in PartnerKind
            if kind_counts[k.value]
        ],
        partner_count=sum(circle_counts.values()),
        missing_kinds=[
            Tally(kind, label(PartnerKind, kind)) for kind in missing_kinds(set(kind_counts))
        ],
        open_conversations=list(
            PartnerEvent.objects.of_coalition(coalition)
            .needing_conversation()
            .select_related("partner")[:5]
        ),
        recent_changes=list(
            AuditEvent.objects.of_coalition(coalition)
            .select_related("actor")
            .order_by("-created_at", "-id")[:8]
        ),
        recent_phase_changes=recent_phase_changes,
    )

"""A wijk with much loneliness and little offer (Coalitie Erbij, monitorvraag 9)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.snapshot import CoalitionSnapshot, WijkFact
from samenspel.coalitions.models import (
    Phase,
)
from samenspel.scans.results import decimal

# 7c. A wijk where loneliness is high and the offer is thin (Coalitie Erbij, monitorvraag 9)

# A wijk counts as "high" when its estimated share of strongly lonely adults is above the share of
# the whole municipality (the same CBS/RIVM estimate); the municipality is the natural reference,
# and residents of a wijk with more loneliness than the town as a whole need the offer most.
# Without a municipality figure: the wijk is in the top third of the coalition's wijken with
# figures, and above their median; that needs at least three wijken to say anything.
MIN_WIJKEN_WITHOUT_REFERENCE = 3
# "Little offer": no active activity at all, or less than half the share of the offer that the
# wijk's share of the loneliness would suggest (the gap view's need share and offer share).
LITTLE_OFFER_RATIO = 0.5
# Counted on top of the gap, so that a wijk without any activity weighs more than a thin one and
# the finding returns when the last activity there stops.
NO_OFFER_WEIGHT = 10.0


def _pct(value: float) -> str:
    return decimal(value)


def _high_wijken(s: CoalitionSnapshot) -> list[tuple[WijkFact, float, str]]:
    """(wijk, reference share, how the reference was found) for the wijken with high loneliness."""
    counted = [
        (w, w.strongly_lonely)
        for w in s.wijken
        if w.strongly_lonely is not None and w.gap is not None
    ]
    area = s.municipality_loneliness
    if area is not None and area.strongly_lonely is not None:
        reference = area.strongly_lonely
        label = _("heel %(name)s") % {"name": area.name}
        return [(w, reference, label) for w, share in counted if share > reference]
    if len(counted) < MIN_WIJKEN_WITHOUT_REFERENCE:
        return []
    shares = sorted(share for _w, share in counted)
    middle = len(shares) // 2
    median = shares[middle] if len(shares) % 2 else (shares[middle - 1] + shares[middle]) / 2
    top = sorted(counted, key=lambda pair: -pair[1])[: -(-len(counted) // 3)]
    label = _("het midden van de wijken van de coalitie")
    return [(w, median, label) for w, share in top if share > median]


def high_loneliness_little_offer(s: CoalitionSnapshot) -> list[Finding]:
    """One finding per wijk with high estimated loneliness and no or little active offer."""
    if s.phase == Phase.STOPPED:
        return []
    findings = []
    for wijk, reference, reference_label in _high_wijken(s):
        need, offer = wijk.need_share or 0.0, wijk.offer_share or 0.0
        if wijk.activities and offer >= need * LITTLE_OFFER_RATIO:
            continue
        strongly = wijk.strongly_lonely or 0.0
        values = {
            "wijk": wijk.name,
            "share": _pct(strongly),
            "lower": _pct(wijk.strongly_lonely_lower)
            if wijk.strongly_lonely_lower is not None
            else "?",
            "upper": _pct(wijk.strongly_lonely_upper)
            if wijk.strongly_lonely_upper is not None
            else "?",
            "year": wijk.period,
            "reference": _pct(reference),
            "where": reference_label,
            "need": _pct(need),
            "offer": _pct(offer),
            "n": wijk.activities,
            "reach": wijk.reach,
        }
        evidence = [
            _(
                "Naar schatting is %(share)s%% van de volwassenen in %(wijk)s ernstig eenzaam "
                "(95%%-interval %(lower)s–%(upper)s, cijfers van %(year)s), tegen %(reference)s%% "
                "in %(where)s."
            )
            % values,
            (
                _("Er is geen enkele actieve activiteit in %(wijk)s.") % values
                if not wijk.activities
                else ngettext(
                    "Er is %(n)s actieve activiteit in %(wijk)s: %(offer)s%% van het aanbod in de "
                    "wijken, tegen %(need)s%% van de ernstige eenzaamheid.",
                    "Er zijn %(n)s actieve activiteiten in %(wijk)s: %(offer)s%% van het aanbod in "
                    "de wijken, tegen %(need)s%% van de ernstige eenzaamheid.",
                    wijk.activities,
                )
                % values
            ),
            ngettext(
                "Bereik in de afgelopen twaalf maanden: %(reach)s deelnemer.",
                "Bereik in de afgelopen twaalf maanden: %(reach)s deelnemers.",
                wijk.reach,
            )
            % values,
        ]
        if wijk.is_demo:
            evidence.append(_("Let op: dit zijn verzonnen demowaarden, geen CBS-cijfers."))
        clearly_higher = (
            wijk.strongly_lonely_lower is not None and wijk.strongly_lonely_lower > reference
        )
        findings.append(
            Finding(
                rule="high_loneliness_little_offer",
                subject=wijk.uuid,
                severity=Severity.URGENT
                if not wijk.activities and clearly_higher
                else Severity.ATTENTION,
                title=rule_texts.title("high_loneliness_little_offer") % values,
                evidence=evidence,
                explanation=rule_texts.explanation("high_loneliness_little_offer"),
                guide=("monitoring_questions", "q09"),
                next_step=rule_texts.next_step("high_loneliness_little_offer") % values,
                magnitude=round(max(wijk.gap or 0.0, 0.0), 1)
                + (NO_OFFER_WEIGHT if not wijk.activities else 0.0),
                link=reverse("monitoring:gap", args=[s.uuid]) + f"#wijk-{wijk.uuid}",
                link_text=_("Bekijk aanbod en eenzaamheid per wijk"),
            )
        )
    return findings

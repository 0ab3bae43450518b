"""No evaluation moment in twelve months (Handreiking §1.2.4, §1.3; pillar 5)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    HALF_YEAR_DAYS,
    date_text,
    months,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Phase,
)
from samenspel.guide.content import get_activity

# 7. No evaluation moment in twelve months (Handreiking §1.2.4 'Wat kunt u dan doen?', §1.3)

# The handbook suggests a yearly moment to look back together.
EVALUATION_INTERVAL_DAYS = 365
# Two years without one is urgent: by then partners have changed without it being discussed.
EVALUATION_URGENT_DAYS = 730


def no_evaluation_in_twelve_months(s: CoalitionSnapshot) -> list[Finding]:
    if s.phase == Phase.STOPPED or s.age_days < EVALUATION_INTERVAL_DAYS:
        return []
    last = s.last_evaluation
    since = last.date if last else s.start_date
    days = (s.today - since).days
    if days <= EVALUATION_INTERVAL_DAYS:
        return []
    if last:
        evidence = [
            _("Laatste evaluatiemoment: %(what)s, op %(date)s (%(months)s maanden geleden).")
            % {"what": last.what, "date": date_text(last.date), "months": months(days)}
        ]
        title = rule_texts.title("no_evaluation_in_twelve_months") % {"months": months(days)}
    else:
        evidence = [
            _(
                "Geen evaluatiemoment gevonden sinds de start op %(date)s (%(months)s maanden "
                "geleden)."
            )
            % {"date": date_text(s.start_date), "months": months(days)}
        ]
        title = rule_texts.title("no_evaluation_in_twelve_months", "never") % {
            "months": months(days)
        }
    evidence.append(
        _(
            "Als evaluatiemoment telt: een vastgelegde evaluatie, een gesloten scanronde van de "
            "vijf condities, de succesfactoren of de vijf pijlers, of de checklistactiviteit "
            "'%(monitoring)s' of '%(reassess)s' op 'gedaan'."
        )
        % {
            "monitoring": get_activity("sustain-monitoring").title,
            "reassess": get_activity("develop-reassess").title,
        }
    )
    return [
        Finding(
            rule="no_evaluation_in_twelve_months",
            subject="",
            severity=Severity.URGENT if days > EVALUATION_URGENT_DAYS else Severity.ATTENTION,
            title=title,
            evidence=evidence,
            explanation=rule_texts.explanation("no_evaluation_in_twelve_months"),
            guide=("phase_changes", "partners_change"),
            next_step=rule_texts.next_step("no_evaluation_in_twelve_months"),
            magnitude=float(days // HALF_YEAR_DAYS),
        )
    ]

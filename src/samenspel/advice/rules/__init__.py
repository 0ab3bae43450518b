"""The advice rules, one module per theme, each rule a small pure function
`(CoalitionSnapshot) -> list[Finding]`, registered in `RULES` below.

A rule looks only at the snapshot (no database, no clock: "today" is in the snapshot), so its
behaviour is fixed by its input and it is tested by writing a snapshot by hand. Every rule points
at a risk that the handbook *Samenspel lokale coalities tegen eenzaamheid* (VWS, 2022) or the 2021
articles name, explains it in the project's own words with the section it comes from, shows the
coalition's own numbers and names as evidence, links to the guide and proposes one next step.
Nothing is weighted that the handbook does not support; docs/advice.md lists every rule with its
handbook basis, what it reads, its thresholds and why.

To add a rule: write it in the module of its theme (shared thresholds and helpers are in
`common`), add it to `RULES`, write its label and texts in `advice/content/<module>.yaml`, and
add a test where it fires and one where it must not.
"""

from functools import partial

from django.utils.functional import lazy

from samenspel.advice import rule_texts
from samenspel.advice.rules.articles import (
    monitoring_questions_low,
    pillar_weak,
    success_factors_weak,
)
from samenspel.advice.rules.common import Rule
from samenspel.advice.rules.coordination import coordinator_does_everything
from samenspel.advice.rules.dependence import dependence_on_one_party
from samenspel.advice.rules.evaluation import no_evaluation_in_twelve_months
from samenspel.advice.rules.funding import subsidy_ends_without_plan
from samenspel.advice.rules.municipality import municipality_many_hats
from samenspel.advice.rules.netwerkdip import netwerkdip
from samenspel.advice.rules.organisation import form_does_not_fit_size
from samenspel.advice.rules.partners import (
    missing_partner_kinds,
    motives_one_sided,
    partner_change_not_discussed,
    resident_type_at_the_table,
    take_give_imbalance,
)
from samenspel.advice.rules.phase import phase_stalls
from samenspel.advice.rules.scans import (
    ambition_not_shared,
    interests_not_honoured,
    low_trust_among_core,
    unclear_process,
    under_or_over_organised,
)
from samenspel.advice.rules.wijken import high_loneliness_little_offer

RULES: tuple[Rule, ...] = (
    dependence_on_one_party,
    coordinator_does_everything,
    take_give_imbalance,
    missing_partner_kinds,
    motives_one_sided,
    partner_change_not_discussed,
    resident_type_at_the_table,
    form_does_not_fit_size,
    phase_stalls,
    no_evaluation_in_twelve_months,
    subsidy_ends_without_plan,
    high_loneliness_little_offer,
    ambition_not_shared,
    interests_not_honoured,
    low_trust_among_core,
    under_or_over_organised,
    unclear_process,
    success_factors_weak,
    pillar_weak,
    monitoring_questions_low,
    municipality_many_hats,
    netwerkdip,
)

RULE_KEYS = tuple(rule.__name__ for rule in RULES)

# Short names of the rules, for the list of set-aside findings and the audit trail: from the
# content files, in the language active when they are shown.
LABELS = {key: lazy(partial(rule_texts.label, key), str)() for key in RULE_KEYS}

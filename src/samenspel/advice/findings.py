"""What a rule returns: a finding about one risk, with its evidence and what to do about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.guide.content import get_item


class Severity(models.TextChoices):
    """How soon a finding needs attention. Shown as a text label, never by colour alone."""

    URGENT = "urgent", _("Urgent")
    ATTENTION = "attention", _("Aandacht nodig")
    INFO = "info", _("Ter informatie")


# Most pressing first.
SEVERITY_ORDER = [Severity.URGENT, Severity.ATTENTION, Severity.INFO]


@dataclass(frozen=True)
class Finding:
    """One risk the handbook names, found in the coalition's own data.

    `subject` tells findings of the same rule apart (a partner's uuid, or a short key such as
    'circles'); '' when a rule gives at most one finding. `magnitude` grows when the evidence
    grows: a dismissed finding comes back when its magnitude exceeds the one at dismissal."""

    rule: str
    subject: str
    severity: str
    title: str
    evidence: list[str] = field(default_factory=list)
    explanation: str = ""
    guide: tuple[str, str] = ("", "")
    next_step: str = ""
    magnitude: float = 0.0
    # A page of Samenspel that shows the evidence in full, and the words of the link to it.
    link: str = ""
    link_text: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule, self.subject)

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)

    @property
    def severity_rank(self) -> int:
        return SEVERITY_ORDER.index(Severity(self.severity))

    @property
    def anchor(self) -> str:
        """An HTML id for this finding on the findings page."""
        raw = f"bevinding-{self.rule}-{self.subject}" if self.subject else f"bevinding-{self.rule}"
        return re.sub(r"[^a-zA-Z0-9_-]", "-", raw)

    @property
    def guide_title(self) -> str:
        try:
            return get_item(*self.guide).title
        except KeyError:
            return ""

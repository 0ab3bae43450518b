"""Computing ahead what the pages across coalitions read from the analysis cache.

The portfolio and the national view read one summary per coalition, kept under the coalition's
data version. Computing one takes the coalition's whole analysis, so computing all 350 of the
country on a page request would take minutes. The timer `samenspel-warm-overviews` runs
`warm_overviews` every few minutes: only coalitions whose data changed since are computed
again, and a page request computes at most the few that changed in between.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from samenspel.coalitions.models import Coalition
from samenspel.workspace.national import every_data_version, national_figures
from samenspel.workspace.portfolio import each_headline


@dataclass(frozen=True)
class Warmed:
    coalitions: int
    languages: tuple[str, ...]


def warm_overviews(today: datetime.date | None = None) -> Warmed:
    """Every coalition's portfolio summary (and headline) and the national figures, in every
    language of the interface (the cached results hold translated labels)."""
    today = today or timezone.localdate()
    coalitions = {c.pk: c for c in Coalition.objects.across_coalitions()}
    # A coalition made in between has no summary to warm yet.
    versions = {pk: v for pk, v in every_data_version().items() if pk in coalitions}
    languages = tuple(code for code, _name in settings.LANGUAGES)
    for language in languages:
        with translation.override(language):
            each_headline(versions, today, coalitions.__getitem__)
            national_figures(today)
    return Warmed(coalitions=len(coalitions), languages=languages)

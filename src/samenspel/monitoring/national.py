"""National CBS figures concern every coalition in the municipalities they cover: the one read
across coalitions that the figures import needs (to tell each of them in its audit trail)."""

from __future__ import annotations

from collections.abc import Iterable

from samenspel.coalitions.models import Coalition


def coalitions_covering(municipality_codes: Iterable[str]) -> list[Coalition]:
    return list(
        Coalition.objects.across_coalitions().filter(
            municipality__code__in=sorted(municipality_codes)
        )
    )

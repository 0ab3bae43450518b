"""The log of imports of the CBS figures.

The figures are reference data that every coalition in a municipality shares, so a coalition sees
every import that touched its municipality or the whole country, whoever made it (the management
command or any coalition there): this read crosses coalitions on purpose.
"""

from __future__ import annotations

from django.db.models import QuerySet

from samenspel.monitoring.models import FiguresImport


def imports_for(municipality_code: str) -> QuerySet[FiguresImport]:
    """Imports of this municipality's figures and of all municipalities, newest first."""
    return (
        FiguresImport.objects.across_coalitions()
        .filter(municipality_code__in=["", municipality_code])
        .select_related("imported_by")
    )

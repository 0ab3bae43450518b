"""Tables sorted by a query parameter (`?sorteer=naam`, `?sorteer=-contacten` for descending),
without script. The columns a table can be sorted by are a whitelist of URL keys and the order
expressions they stand for, so a URL can never order by anything else; an unknown key falls back
to the table's default. Sorting changes only the ORDER BY, never the number of queries.

In the template: `{% sort_header _("Naam") "naam" sort %}` for each sortable column header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict

PARAMETER = "sorteer"


@dataclass(frozen=True)
class Sort:
    """The order of one table as shown: its key, its direction and the other query parameters
    (filters), which every sort link keeps."""

    key: str
    descending: bool
    query: QueryDict

    def link(self, key: str) -> str:
        """The address that sorts by `key`: ascending first, descending when it already is."""
        query = self.query.copy()
        query[PARAMETER] = f"-{key}" if key == self.key and not self.descending else key
        return "?" + query.urlencode()

    def direction(self, key: str) -> str:
        """The column's aria-sort value."""
        if key != self.key:
            return "none"
        return "descending" if self.descending else "ascending"


@dataclass(frozen=True)
class Sorting:
    columns: dict[str, str]  # URL key -> order expression
    default: str

    def apply(self, queryset: QuerySet[Any], params: QueryDict) -> tuple[QuerySet[Any], Sort]:
        asked = params.get(PARAMETER, "")
        descending = asked.startswith("-")
        key = asked.removeprefix("-")
        if key not in self.columns:
            key, descending = self.default, False
        order = self.columns[key]
        # The primary key last: rows with equal values keep one order across pages.
        ordered = queryset.order_by(f"-{order}" if descending else order, "pk")
        query = params.copy()
        query.pop(PARAMETER, None)
        query.pop("pagina", None)
        return ordered, Sort(key, descending, query)

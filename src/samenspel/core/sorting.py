"""Tables sorted by a query parameter (`?sorteer=naam`, `?sorteer=-contacten` for descending),
without script. The columns a table can be sorted by are a whitelist of URL keys and the order
expressions they stand for, so a URL can never order by anything else; an unknown key falls back
to the table's default. Sorting changes only the ORDER BY, never the number of queries.

Rows that a read model has already built (a list, not a queryset) are sorted the same way in
Python by `RowSorting`: no query at all. Empty values go last in both directions.

In the template: `{% sort_header _("Naam") "naam" sort %}` for each sortable column header (the
table component: see the component page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, TypeVar

from django.db.models import F, OrderBy, QuerySet
from django.db.models.expressions import BaseExpression
from django.http import QueryDict

PARAMETER = "sorteer"

Row = TypeVar("Row")


@dataclass(frozen=True)
class Sort:
    """The order of one table as shown: its key, its direction and the other query parameters
    (filters), which every sort link keeps."""

    key: str
    descending: bool
    query: QueryDict
    # The table's own order, not asked for in the URL: its links need not name it.
    is_default: bool = False

    def link(self, key: str) -> str:
        """The address that sorts by `key`: ascending first, descending when it already is."""
        query = self.query.copy()
        query[PARAMETER] = f"-{key}" if key == self.key and not self.descending else key
        return "?" + query.urlencode()

    def page_query(self) -> str:
        """The query string of this order and its filters, for the pagination's links."""
        query = self.query.copy()
        if not self.is_default:
            query[PARAMETER] = f"-{self.key}" if self.descending else self.key
        return query.urlencode()

    def direction(self, key: str) -> str:
        """The column's aria-sort value."""
        if key != self.key:
            return "none"
        return "descending" if self.descending else "ascending"


def chosen(
    params: QueryDict, columns: Iterable[str], default: str, default_descending: bool = False
) -> Sort:
    """The order asked for in the URL, or the default when the key is not a column."""
    asked = params.get(PARAMETER, "")
    descending = asked.startswith("-")
    key = asked.removeprefix("-")
    is_default = key not in columns
    if is_default:
        key, descending = default, default_descending
    query = params.copy()
    query.pop(PARAMETER, None)
    query.pop("pagina", None)
    return Sort(key, descending, query, is_default)


@dataclass(frozen=True)
class Sorting:
    # URL key -> a field path ("neighbourhood__name") or an expression (a Case that puts
    # choices in their own order rather than the alphabet's).
    columns: dict[str, str | BaseExpression]
    default: str
    default_descending: bool = False  # the newest first, say
    # Empty values last in both directions, as RowSorting does (otherwise the database decides).
    empty_last: bool = False
    # What orders equal values; the primary key last, so rows keep one order across pages.
    # A table whose default order is an index names that index's further columns here.
    then: tuple[str, ...] = ("pk",)

    def apply(self, queryset: QuerySet[Any], params: QueryDict) -> tuple[QuerySet[Any], Sort]:
        sort = chosen(params, self.columns, self.default, self.default_descending)
        order = self.columns[sort.key]
        term: str | OrderBy
        if isinstance(order, str) and not self.empty_last:
            term = f"-{order}" if sort.descending else order
        else:
            expression = F(order) if isinstance(order, str) else order
            empty_last = True if self.empty_last else None
            term = (
                expression.desc(nulls_last=empty_last)
                if sort.descending
                else expression.asc(nulls_last=empty_last)
            )
        return queryset.order_by(term, *self.then), sort


@dataclass(frozen=True)
class RowSorting:
    """Sorting for rows already read: each URL key names a function giving a row's value."""

    columns: dict[str, Callable[[Any], Any]]
    default: str
    default_descending: bool = False

    def apply(self, rows: Iterable[Row], params: QueryDict) -> tuple[list[Row], Sort]:
        sort = chosen(params, self.columns, self.default, self.default_descending)
        value = self.columns[sort.key]
        keyed = [(value(row), row) for row in rows]  # each row's value computed once
        filled = [pair for pair in keyed if pair[0] is not None]
        # A stable sort: equal rows keep the read model's own order.
        filled.sort(key=itemgetter(0), reverse=sort.descending)
        empty = [row for key, row in keyed if key is None]
        return [row for _key, row in filled] + empty, sort

"""A page of a list without counting the list: for archives where "next" and "previous" are
enough. It reads one row more than it shows to know whether there is a next page, so the page
costs one query instead of two (Django's Paginator counts first). And Django's Paginator for a
list whose count was read together with other figures (`CountedPaginator`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

T = TypeVar("T")


@dataclass(frozen=True)
class UncountedPage(Generic[T]):
    object_list: Sequence[T]
    number: int
    has_next: bool
    paginator: None = None  # the pagination component shows no total for this page

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self) -> Iterator[T]:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def uncounted_page(queryset: QuerySet[Any], number: Any, per_page: int) -> UncountedPage[Any]:
    """Page `number` (1 for anything that is not a positive whole number)."""
    try:
        page = max(1, int(number))
    except (TypeError, ValueError):
        page = 1
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return UncountedPage(rows[:per_page], page, has_next=len(rows) > per_page)


class CountedPaginator(Paginator):
    """Django's Paginator for a list whose number of rows is already known: it does not count
    the list again."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count

"""Search across one coalition: partners, activities, meetings, decisions, agreements and the
guide, forgiving accents and typing errors (`core.fuzzy`).

Each source reads the searchable texts of what the person may see in ONE query (through
`visible_to`), so the page runs the same number of queries whatever the coalition holds; links
are made only for the hits that are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from samenspel.activities.models import Activity
from samenspel.agreements.models import PartnerAgreement
from samenspel.core import fuzzy
from samenspel.guide.content import get_guide
from samenspel.meetings.models import Decision, Meeting
from samenspel.partners.models import Partner

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership

SHOWN_PER_SOURCE = 10
SNIPPET_WORDS = 25

# One searchable row: its link's arguments, its title, and further text to search in.
Row = tuple[tuple[str, ...], str, str]


@dataclass(frozen=True)
class Source:
    key: str
    label: Any  # a lazy translation
    url_name: str  # the links of its hits: reverse(url_name, args=[coalition uuid, *row args])
    rows: Callable[[Membership], Iterable[Row]]
    anchor: str = ""


@dataclass(frozen=True)
class Hit:
    title: str
    snippet: str
    url: str


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    total: int
    hits: list[Hit]


@dataclass(frozen=True)
class Results:
    groups: list[Group]
    suggestion: str

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def _partners(membership: Membership) -> Iterable[Row]:
    rows = Partner.objects.visible_to(membership).values_list("uuid", "name", "brings", "takes")
    return (((str(uuid),), name, f"{brings} {takes}") for uuid, name, brings, takes in rows)


def _activities(membership: Membership) -> Iterable[Row]:
    rows = Activity.objects.visible_to(membership).values_list("uuid", "title", "description")
    return (((str(uuid),), title, text) for uuid, title, text in rows)


def _meetings(membership: Membership) -> Iterable[Row]:
    rows = Meeting.objects.visible_to(membership).values_list("uuid", "title", "minutes")
    return (((str(uuid),), title, minutes) for uuid, title, minutes in rows)


def _decisions(membership: Membership) -> Iterable[Row]:
    rows = Decision.objects.visible_to(membership).values_list(
        "meeting__uuid", "meeting__title", "number", "text"
    )
    return (
        ((str(uuid),), f"{title}, {_('besluit')} {number}", text)
        for uuid, title, number, text in rows
    )


def _agreements(membership: Membership) -> Iterable[Row]:
    rows = PartnerAgreement.objects.visible_to(membership).values_list(
        "partner__name", "expectations", "space", "reach", "expertise"
    )
    return (((), name, " ".join(texts)) for name, *texts in rows)


def _guide(membership: Membership) -> Iterable[Row]:
    return (
        ((section.key, item.key), item.title, item.summary)
        for section in get_guide().sections
        for item in section.items
    )


SOURCES = (
    Source("partners", _("Partners"), "partners:detail", _partners),
    Source("activities", _("Activiteiten"), "activities:detail", _activities),
    Source("meetings", _("Overleggen"), "meetings:detail", _meetings),
    Source("decisions", _("Besluiten"), "meetings:detail", _decisions, anchor="#besluiten-kop"),
    Source("agreements", _("Afspraken"), "agreements:list", _agreements),
    Source("guide", _("Gids"), "guide:item", _guide),
)


def _url(source: Source, membership: Membership, args: tuple[str, ...]) -> str:
    prefix = [] if source.key == "guide" else [membership.coalition.uuid]
    return reverse(source.url_name, args=[*prefix, *args]) + source.anchor


def search(membership: Membership, query: str) -> Results:
    """Per source the hits for every word of `query` (none for an empty query)."""
    if not fuzzy.terms(query):
        return Results([], "")
    groups: list[Group] = []
    suggestion = ""
    for source in SOURCES:
        rows = list(source.rows(membership))
        found = fuzzy.match(
            {n: f"{title} {text}" for n, (_a, title, text) in enumerate(rows)}, query
        )
        suggestion = suggestion or found.suggestion
        if not found.keys:
            continue
        hits = [
            Hit(
                title=rows[n][1],
                snippet=Truncator(rows[n][2]).words(SNIPPET_WORDS),
                url=_url(source, membership, rows[n][0]),
            )
            for n in found.keys[:SHOWN_PER_SOURCE]
        ]
        groups.append(Group(source.key, str(source.label), len(found.keys), hits))
    return Results(groups, suggestion)

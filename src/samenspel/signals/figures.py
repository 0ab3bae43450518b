"""The coalition's figures about signals: counts per month by source kind, wijk, outcome and
time to first contact, with small numbers hidden (`suppression.py`).

One query reads the counts grouped by every dimension at once (`SignalQuerySet.figures_of`
hands out values, never rows with personal data), one more the names of the wijken: a fixed
number of queries however many signals there are. It reads the signals of the last twelve months
by the index on the receiving time.

The tables are kept in the analysis cache under the coalition's data version and the day
(`core.analysis_cache`): every change of a signal or a wijk writes an audit record of the
coalition (`signals.services`, `monitoring.services`), so the version changes with the data and
the figures are never older than it. A page that finds them reads only the version.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Case, Count, DurationField, ExpressionWrapper, F, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import Neighbourhood
from samenspel.core.analysis_cache import cached, coalition_data_version
from samenspel.signals.models import Signal, SourceKind
from samenspel.signals.suppression import Grid, suppress
from samenspel.signals.workflow import Outcome

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from samenspel.coalitions.models import Coalition

MONTHS = 12
UNKNOWN = "-"
OPEN = "open"


WAITS: list[tuple[str, StrOrPromise]] = [
    ("week", _("binnen een week")),
    ("fortnight", _("binnen twee weken")),
    ("longer", _("na meer dan twee weken")),
    ("none", _("(nog) geen contact")),
]


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[int | None]  # None: hidden
    total: int | None


@dataclass(frozen=True)
class Table:
    key: str
    title: StrOrPromise
    columns: list[str]
    rows: list[Row]
    totals: list[int | None]
    grand: int | None

    @property
    def hidden_any(self) -> bool:
        return self.grand is None or any(
            value is None for row in self.rows for value in [*row.cells, row.total]
        )


def months_back(today: datetime.date, count: int = MONTHS) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _step in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def _counts(coalition: Coalition, since: datetime.date) -> list[dict[str, Any]]:
    wait = ExpressionWrapper(F("first_contact_at") - F("received_at"), output_field=DurationField())
    start = datetime.datetime.combine(
        since, datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    return list(
        Signal.objects.figures_of(coalition)
        .filter(received_at__gte=start)
        .alias(wait_time=wait)
        .annotate(
            month=TruncMonth("received_at"),
            wait=Case(
                When(first_contact_at__isnull=True, then=Value("none")),
                When(wait_time__lte=datetime.timedelta(days=7), then=Value("week")),
                When(wait_time__lte=datetime.timedelta(days=14), then=Value("fortnight")),
                default=Value("longer"),
            ),
        )
        .values("month", "source_kind", "neighbourhood_id", "outcome", "wait")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _table(
    key: str,
    title: StrOrPromise,
    months: Sequence[datetime.date],
    columns: Sequence[tuple[Any, StrOrPromise]],
    counts: Counter[tuple[datetime.date, Any]],
) -> Table:
    grid = Grid.of([[counts[(month, value)] for value, _label in columns] for month in months])
    hidden = suppress(grid)
    rows_n, cols_n = grid.shape

    def shown(r: int, c: int) -> int | None:
        return None if (r, c) in hidden else grid.values[r][c]

    return Table(
        key=key,
        title=title,
        columns=[str(label) for _value, label in columns],
        rows=[
            Row(
                label=month.strftime("%Y-%m"),
                cells=[shown(r, c) for c in range(cols_n)],
                total=shown(r, cols_n),
            )
            for r, month in enumerate(months)
        ],
        totals=[shown(rows_n, c) for c in range(cols_n)],
        grand=shown(rows_n, cols_n),
    )


def _by(
    rows: list[dict[str, Any]], field: str, normalise: Callable[[Any], Any]
) -> Counter[tuple[datetime.date, Any]]:
    counted: Counter[tuple[datetime.date, Any]] = Counter()
    for row in rows:
        month = row["month"]
        day = month.date() if isinstance(month, datetime.datetime) else month
        counted[(day, normalise(row[field]))] += row["n"]
    return counted


def coalition_figures(coalition: Coalition, today: datetime.date | None = None) -> list[Table]:
    day = today or timezone.localdate()
    version = f"{coalition_data_version(coalition.pk)}:{day.isoformat()}"
    return cached("signal-figures", version, lambda: _figures(coalition, day))


def _figures(coalition: Coalition, today: datetime.date) -> list[Table]:
    months = months_back(today)
    rows = _counts(coalition, months[0])
    wijken = list(
        Neighbourhood.objects.of_coalition(coalition).order_by("name").values_list("pk", "name")
    )
    wijk_columns: list[tuple[Any, StrOrPromise]] = [*wijken, (UNKNOWN, _("onbekend"))]
    known_wijken = {pk for pk, _name in wijken}
    outcome_columns: list[tuple[Any, StrOrPromise]] = [*Outcome.choices, (OPEN, _("nog open"))]
    return [
        _table(
            "source",
            _("Per soort melder"),
            months,
            SourceKind.choices,
            _by(rows, "source_kind", lambda value: value),
        ),
        _table(
            "wijk",
            _("Per wijk of kern"),
            months,
            wijk_columns,
            _by(rows, "neighbourhood_id", lambda pk: pk if pk in known_wijken else UNKNOWN),
        ),
        _table(
            "outcome",
            _("Per uitkomst"),
            months,
            outcome_columns,
            _by(rows, "outcome", lambda value: value or OPEN),
        ),
        _table(
            "wait",
            _("Tijd tot het eerste contact"),
            months,
            WAITS,
            _by(rows, "wait", lambda value: value),
        ),
    ]

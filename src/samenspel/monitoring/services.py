"""Write paths of monitoring: importing the loneliness figures, and the coalition's wijken and
kernen. Every write is one transaction with its audit record; bad input raises a ValidationError
with Dutch messages and leaves the database as it was."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition, Neighbourhood, NeighbourhoodKind
from samenspel.core import audit
from samenspel.monitoring import cbs
from samenspel.monitoring.audit_actions import MonitoringAction
from samenspel.monitoring.models import (
    MEASURES,
    FiguresImport,
    LonelinessEstimate,
    Region,
    RegionKind,
    municipality_code_of,
)
from samenspel.monitoring.national import coalitions_covering

if TYPE_CHECKING:
    from samenspel.accounts.models import User

# An upload larger than this is not one municipality's figures (those are a few hundred kB); the
# whole country goes through the management command.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
ONLINE_SOURCE = "CBS open data"
BATCH = 500
ESTIMATE_FIELDS = [
    f"{measure}{suffix}" for measure in MEASURES for suffix in ("", "_lower", "_upper")
]

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Figures


def _figures_error(error: cbs.FiguresError) -> ValidationError:
    return ValidationError(error.messages)


def _store_regions(parsed: cbs.ParsedFigures) -> dict[str, Region]:
    codes = list(parsed.regions)
    existing: dict[str, Region] = {}
    for chunk in _chunks(codes):
        existing.update({r.code: r for r in Region.objects.filter(code__in=chunk)})
    new, changed = [], []
    for code, found in parsed.regions.items():
        name = found.name or (
            found.municipality_name if found.kind == RegionKind.MUNICIPALITY else ""
        )
        region = existing.get(code)
        if region is None:
            new.append(
                Region(
                    code=code,
                    kind=found.kind,
                    name=(name or code)[:150],
                    municipality_code=found.municipality_code,
                    municipality_name=found.municipality_name[:100],
                )
            )
            continue
        # A file with codes only never replaces a real name by the code.
        updated = False
        if name and region.name != name[:150]:
            region.name, updated = name[:150], True
        if found.municipality_name and region.municipality_name != found.municipality_name[:100]:
            region.municipality_name, updated = found.municipality_name[:100], True
        if updated:
            changed.append(region)
    Region.objects.bulk_create(new, batch_size=BATCH)
    if changed:
        Region.objects.bulk_update(changed, ["name", "municipality_name"], batch_size=BATCH)
    regions = dict(existing)
    for chunk in _chunks(codes):
        regions.update({r.code: r for r in Region.objects.filter(code__in=chunk)})
    return regions


def _store_estimates(
    parsed: cbs.ParsedFigures, regions: dict[str, Region], *, is_demo: bool = False
) -> int:
    rows = [
        LonelinessEstimate(
            region=regions[estimate.code],
            period=estimate.period,
            age_group=estimate.age_group,
            source_table=parsed.table,
            is_demo=is_demo,
            **{name: estimate.values.get(name) for name in ESTIMATE_FIELDS},
        )
        for estimate in parsed.estimates.values()
    ]
    LonelinessEstimate.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["region", "period", "age_group"],
        update_fields=[*ESTIMATE_FIELDS, "source_table", "is_demo", "imported_at"],
    )
    return len(rows)


@transaction.atomic
def store_figures(
    parsed: cbs.ParsedFigures,
    *,
    source: str,
    acting_user: User | None,
    coalition: Coalition | None = None,
    municipality_code: str = "",
    is_demo: bool = False,
) -> FiguresImport:
    """Regions and estimates (insert or update), the import log, and an audit record in every
    coalition whose municipality got figures (so that its analysis is computed afresh)."""
    regions = _store_regions(parsed)
    count = _store_estimates(parsed, regions, is_demo=is_demo)
    log = FiguresImport.objects.create(
        imported_by=acting_user,
        coalition=coalition,
        source=source[:200],
        table=parsed.table,
        municipality_code=municipality_code,
        rows=parsed.rows,
        regions=len(parsed.regions),
        estimates=count,
        skipped=parsed.skipped,
    )
    municipalities = {region.municipality_code for region in parsed.regions.values()}
    context = {
        "table": parsed.table,
        "source": log.source,
        "rows": log.rows,
        "regions": log.regions,
        "estimates": log.estimates,
    }
    for affected in coalitions_covering(municipalities):
        audit.record(
            MonitoringAction.FIGURES_IMPORTED,
            log,
            acting_user=acting_user,
            coalition=affected,
            context=context,
            label=_("Tabel %(table)s uit %(source)s") % {"table": log.table, "source": log.source},
        )
    return log


def _table(table: str) -> str:
    table = (table or "").strip().upper()
    if table not in cbs.TABLES:
        raise ValidationError(
            {"table": _("Kies tabel %(tables)s.") % {"tables": " of ".join(cbs.TABLES)}}
        )
    return table


def import_csv(
    data: bytes,
    *,
    table: str,
    source: str,
    acting_user: User | None,
    coalition: Coalition | None = None,
    municipality_code: str = "",
    max_bytes: int | None = MAX_UPLOAD_BYTES,
) -> FiguresImport:
    """A CSV downloaded from StatLine. From a coalition's page only the rows of the coalition's
    own municipality are imported: one coalition cannot change another municipality's figures."""
    table = _table(table)
    if coalition is not None:
        municipality_code = coalition.municipality.code
    if max_bytes is not None and len(data) > max_bytes:
        raise ValidationError(
            {
                "file": _(
                    "Het bestand is groter dan %(mb)s MB. Download bij StatLine alleen de "
                    "regio's van uw gemeente."
                )
                % {"mb": max_bytes // (1024 * 1024)}
            }
        )
    try:
        parsed = cbs.parse_csv(data, table=table, municipality_code=municipality_code)
    except cbs.FiguresError as error:
        raise ValidationError({"file": error.messages}) from error
    return store_figures(
        parsed,
        source=source,
        acting_user=acting_user,
        coalition=coalition,
        municipality_code=municipality_code,
    )


def import_online(
    *,
    table: str,
    municipality_code: str,
    acting_user: User | None,
    coalition: Coalition | None = None,
) -> FiguresImport:
    """One municipality's figures from the CBS open-data API (needs the server to be online)."""
    table = _table(table)
    if coalition is not None:
        municipality_code = coalition.municipality.code
    try:
        parsed = cbs.fetch_online(table, municipality_code)
    except cbs.FiguresError as error:
        raise _figures_error(error) from error
    return store_figures(
        parsed,
        source=ONLINE_SOURCE,
        acting_user=acting_user,
        coalition=coalition,
        municipality_code=municipality_code,
    )


# Neighbourhoods (wijken and kernen)

# The fields a person edits (the form's fields).
NEIGHBOURHOOD_FIELDS = ("name", "kind", "cbs_code")


def _clean_neighbourhood(neighbourhood: Neighbourhood) -> None:
    coalition = neighbourhood.coalition
    neighbourhood.name = " ".join((neighbourhood.name or "").split())
    neighbourhood.cbs_code = (neighbourhood.cbs_code or "").strip().upper()
    errors: dict[str, list[str]] = {}
    try:
        neighbourhood.full_clean(
            exclude=["coalition"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    others = Neighbourhood.objects.of_coalition(coalition).exclude(pk=neighbourhood.pk)
    if "name" not in errors and others.filter(name__iexact=neighbourhood.name).exists():
        errors["name"] = [_("Deze coalitie heeft al een wijk of kern met deze naam.")]
    code = neighbourhood.cbs_code
    if code and "cbs_code" not in errors:
        if municipality_code_of(code) != coalition.municipality.code:
            errors["cbs_code"] = [
                _("De code %(code)s hoort niet bij gemeente %(name)s (%(municipality)s).")
                % {
                    "code": code,
                    "name": coalition.municipality.name,
                    "municipality": coalition.municipality.code,
                }
            ]
        elif others.filter(cbs_code=code).exists():
            errors["cbs_code"] = [_("Deze CBS-code is al aan een andere wijk gekoppeld.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_neighbourhood(
    coalition: Coalition, *, acting_user: User, **fields: Any
) -> Neighbourhood:
    return audit.create(
        Neighbourhood(coalition=coalition, **fields),
        action=MonitoringAction.NEIGHBOURHOOD_CREATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_clean_neighbourhood,
    )


@transaction.atomic
def update_neighbourhood(
    neighbourhood: Neighbourhood, *, acting_user: User, **fields: Any
) -> Neighbourhood:
    return audit.update(
        neighbourhood,
        fields,
        action=MonitoringAction.NEIGHBOURHOOD_UPDATED,
        acting_user=acting_user,
        coalition=neighbourhood.coalition,
        check=_clean_neighbourhood,
    )


@transaction.atomic
def delete_neighbourhood(neighbourhood: Neighbourhood, *, acting_user: User) -> None:
    """Refused while activities take place there: deleting would silently turn them into
    activities 'for the whole municipality', in the public finder and in the gap view."""
    used = (
        Activity.objects.of_coalition(neighbourhood.coalition_id)
        .filter(neighbourhood=neighbourhood)
        .count()
    )
    if used:
        raise ValidationError(
            _(
                "%(name)s wordt nog gebruikt door %(count)s activiteit(en). Zet die eerst bij een "
                "andere wijk of kern (of bij de hele gemeente) en verwijder daarna de wijk."
            )
            % {"name": neighbourhood.name, "count": used}
        )
    audit.delete(
        neighbourhood,
        action=MonitoringAction.NEIGHBOURHOOD_DELETED,
        acting_user=acting_user,
        coalition=neighbourhood.coalition,
    )


def districts_to_adopt(coalition: Coalition) -> list[Region]:
    """The CBS wijken of the coalition's municipality that the coalition does not have yet (by
    code, or by name for a wijk entered by hand without a code)."""
    have = Neighbourhood.objects.of_coalition(coalition).values_list("cbs_code", "name")
    codes = {code for code, _name in have if code}
    names = {name.casefold() for _code, name in have}
    return [
        region
        for region in Region.objects.filter(
            municipality_code=coalition.municipality.code, kind=RegionKind.DISTRICT
        ).order_by("code")
        if region.code not in codes and region.name.casefold() not in names
    ]


@transaction.atomic
def adopt_districts(coalition: Coalition, *, acting_user: User) -> list[Neighbourhood]:
    """Takes over the wijken of the municipality from the CBS figures, each with its code."""
    created = []
    for region in districts_to_adopt(coalition):
        neighbourhood = audit.create(
            Neighbourhood(
                coalition=coalition,
                name=region.name[:100],
                kind=NeighbourhoodKind.DISTRICT,
                cbs_code=region.code,
            ),
            action=MonitoringAction.NEIGHBOURHOOD_CREATED,
            acting_user=acting_user,
            coalition=coalition,
            check=None,  # taken over as CBS publishes it
            context={"from": "CBS"},
        )
        created.append(neighbourhood)
    return created

"""Reading the RIVM/CBS small-area estimates of loneliness (StatLine 50120NED and 50150NED).

Two inputs give the same rows:

- the CSV of the "onbewerkte dataset" that StatLine and the open-data portal offer for download:
  `;`-separated, a header of column *keys*, codes as values (`GM0363    `, `2022JJ00`, `MW00000`);
- the records of the open-data API as the `cbsodata` client returns them: the same keys, but the
  dimension values replaced by their titles (`Amsterdam`, `2022`, `Waarde`).

Column keys carry a numeric suffix that changes between editions (`Eenzaam_27` in one, `Eenzaam_24`
in another), so columns are matched on the key without the suffix. Region codes are padded with
spaces and trimmed here. The `Marges` dimension gives the value and the bounds of its 95% interval
as separate rows; they are folded into one estimate per region, period and age group.

Nothing here touches the database: `parse_csv` and `parse_records` return plain data or raise
`FiguresError` with Dutch messages (with line numbers), and the service stores the result.
docs/monitoring.md describes what was verified about the format and what is assumed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from samenspel.monitoring.models import (
    KIND_BY_PREFIX,
    MEASURES,
    AgeGroup,
    municipality_code_of,
)

TABLES = {
    "50120NED": "Gezondheid per wijk en buurt; 2012/2016/2020/2022 (indeling 2022)",
    "50150NED": "Gezondheid per wijk en buurt; 2012/2016/2020/2022/2024 (indeling 2024)",
}
# The RIVM tables are published by CBS for a third party: they live in the 'dataderden' catalog.
CATALOG_URL = "dataderden.cbs.nl"
ONLINE_TIMEOUT_SECONDS = 60
MAX_ERRORS_SHOWN = 20

# Column key without its numeric suffix, lower case, letters and digits only -> our field.
COLUMNS = {
    "wijkenenbuurten": "region",
    "regios": "region",
    "codering": "code",
    "gemeentenaam": "municipality_name",
    "soortregio": "region_kind",
    "perioden": "period",
    "marges": "margin",
    "leeftijd": "age",
    "wijkenenbuurtenlabel": "region_name",
    "regionaam": "region_name",
    "eenzaam": "lonely",
    "eenzaamheid": "lonely",
    "ernstigzeerernstigeenzaam": "strongly_lonely",
    "ernstigeenzaam": "strongly_lonely",
    "ernstigeenzaamheid": "strongly_lonely",
    "emotioneeleenzaam": "emotionally_lonely",
    "emotioneleeenzaamheid": "emotionally_lonely",
    "sociaaleenzaam": "socially_lonely",
    "socialeeenzaamheid": "socially_lonely",
}
COLUMN_KEYS = {
    "region": "WijkenEnBuurten",
    "period": "Perioden",
    "lonely": "Eenzaam",
    "strongly_lonely": "ErnstigZeerErnstigEenzaam",
}

# The Marges dimension: its keys in a CSV, its titles from the API.
MARGINS = {"mw00000": "value", "mog0095": "lower", "mbg0095": "upper"}
MARGIN_TITLES = {"waarde": "value", "ondergrens": "lower", "bovengrens": "upper"}
# The API gives the Dutch titles of the age groups (whatever the language of the page).
AGE_TITLES = {
    "18 jaar of ouder": AgeGroup.ADULTS.value,
    "18 tot 65 jaar": AgeGroup.ADULTS_UNDER_65.value,
    "65 jaar of ouder": AgeGroup.OLDER.value,
}
# StatLine symbols for a value that is not published: missing, secret, not applicable.
SUPPRESSED = {"", ".", "x", "?", "..", "-."}

CODE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
NATIONAL = re.compile(r"^(NL\d{2}|LD\d{2}|PV\d{2})$")
PERIOD = re.compile(r"^(\d{4})(JJ00)?$")


class FiguresError(Exception):
    """The input cannot be imported; `messages` says why, in Dutch, per line where possible."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class ParsedRegion:
    code: str
    kind: str
    municipality_code: str
    name: str = ""  # '' when the input only has the code
    municipality_name: str = ""


@dataclass
class ParsedEstimate:
    code: str
    period: int
    age_group: str
    values: dict[str, Decimal | None] = field(default_factory=dict)  # e.g. lonely_lower


@dataclass
class ParsedFigures:
    table: str
    rows: int = 0  # data lines read
    skipped: int = 0  # lines of another municipality, national totals, other age groups
    regions: dict[str, ParsedRegion] = field(default_factory=dict)
    estimates: dict[tuple[str, int, str], ParsedEstimate] = field(default_factory=dict)


def column_key(name: str) -> str:
    """`Eenzaam_27` and `"Eenzaam_24"` -> `eenzaam`; `Wijken en buurten` -> `wijkenenbuurten`."""
    name = name.strip().strip('"').strip()
    name = re.sub(r"_\d+$", "", name)
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def parse_share(value: Any) -> Decimal | None:
    """A percentage with a decimal comma or point; None for StatLine's 'not published' symbols.
    Raises ValueError for anything else."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = _text(value)
        if text in SUPPRESSED:
            return None
        if text == "-":  # StatLine's 'nihil'
            return Decimal("0.0")
        if "," in text and "." in text:
            raise ValueError(text)
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as error:
            raise ValueError(text) from error
    if not number.is_finite() or not 0 <= number <= 100:
        raise ValueError(str(value))
    return number.quantize(Decimal("0.1"))


def _margin(value: Any) -> str | None:
    text = _text(value).lower()
    if text in MARGINS:
        return MARGINS[text]
    for title, margin in MARGIN_TITLES.items():
        if text.startswith(title):
            return margin
    return None


def _age(value: Any) -> str | None:
    """The age group's key; None for an age group we do not keep."""
    text = _text(value)
    if text in AgeGroup.values:
        return text
    return AGE_TITLES.get(text.lower())


def _period(value: Any) -> int | None:
    match = PERIOD.match(_text(value).upper())
    return int(match.group(1)) if match else None


def _map_columns(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        ours = COLUMNS.get(column_key(name))
        if ours and ours not in found:
            found[ours] = index
    if "region" not in found and "code" in found:
        found["region"] = found["code"]
    known = [ours for ours in found if ours in MEASURES or ours in ("region", "period")]
    if not known:
        raise FiguresError(
            [
                _(
                    "Dit lijkt geen bestand van CBS-tabel 50120NED of 50150NED: de kolommen "
                    "WijkenEnBuurten, Perioden en Eenzaam ontbreken. Download bij StatLine de "
                    "onbewerkte dataset als CSV (met puntkomma's)."
                )
            ]
        )
    missing = [key for ours, key in COLUMN_KEYS.items() if ours not in found]
    if missing:
        raise FiguresError(
            [
                _("De kolom %(column)s ontbreekt in het bestand.") % {"column": key}
                for key in missing
            ]
        )
    return found


def parse_rows(
    header: Sequence[str],
    rows: Iterable[tuple[int, Sequence[Any]]],
    *,
    table: str,
    municipality_code: str = "",
) -> ParsedFigures:
    """Rows (line number, cells) under `header` -> estimates per region, period and age group.
    With `municipality_code`, rows of other municipalities are skipped (and counted)."""
    columns = _map_columns(header)
    measures = [measure for measure in MEASURES if measure in columns]
    result = ParsedFigures(table=table)
    errors: list[str] = []
    seen: set[tuple[str, int, str, str]] = set()

    def cell(cells: Sequence[Any], name: str) -> Any:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    for line, cells in rows:
        if not any(_text(value) for value in cells):
            continue
        result.rows += 1
        raw_region = _text(cell(cells, "region"))
        code = _text(cell(cells, "code")) or raw_region
        if NATIONAL.match(code) or NATIONAL.match(raw_region):
            result.skipped += 1
            continue
        if not CODE.match(code):
            errors.append(
                _("Regel %(line)s: '%(code)s' is geen CBS-code van een gemeente, wijk of buurt.")
                % {"line": line, "code": code}
            )
            continue
        if municipality_code and municipality_code_of(code) != municipality_code:
            result.skipped += 1
            continue
        period = _period(cell(cells, "period"))
        if period is None:
            errors.append(
                _("Regel %(line)s: de periode '%(value)s' is geen jaar zoals 2022JJ00.")
                % {"line": line, "value": _text(cell(cells, "period"))}
            )
            continue
        margin = _margin(cell(cells, "margin")) if "margin" in columns else "value"
        if margin is None:
            errors.append(
                _(
                    "Regel %(line)s: de marge '%(value)s' is onbekend (verwacht MW00000, MOG0095 "
                    "of MBG0095)."
                )
                % {"line": line, "value": _text(cell(cells, "margin"))}
            )
            continue
        age = _age(cell(cells, "age")) if "age" in columns else AgeGroup.NONE.value
        if age is None:
            result.skipped += 1
            continue
        key = (code, period, age)
        if (*key, margin) in seen:
            errors.append(
                _("Regel %(line)s: %(code)s, %(period)s staat twee keer in het bestand.")
                % {"line": line, "code": code, "period": period}
            )
            continue
        seen.add((*key, margin))
        values: dict[str, Decimal | None] = {}
        for measure in measures:
            raw = cell(cells, measure)
            try:
                values[measure] = parse_share(raw)
            except ValueError:
                errors.append(
                    _(
                        "Regel %(line)s, kolom %(column)s: '%(value)s' is geen percentage "
                        "(een getal van 0 tot 100, of '.' als het CBS het niet publiceert)."
                    )
                    % {"line": line, "column": header[columns[measure]].strip(), "value": raw}
                )
        if len(errors) > MAX_ERRORS_SHOWN:
            break
        region = result.regions.get(code)
        if region is None:
            region = result.regions[code] = ParsedRegion(
                code=code,
                kind=KIND_BY_PREFIX[code[:2]],
                municipality_code=municipality_code_of(code),
            )
        name = _text(cell(cells, "region_name")) or (raw_region if raw_region != code else "")
        if name and not CODE.match(name):
            region.name = name
        municipality_name = _text(cell(cells, "municipality_name"))
        if municipality_name:
            region.municipality_name = municipality_name
        estimate = result.estimates.get(key)
        if estimate is None:
            estimate = result.estimates[key] = ParsedEstimate(
                code=code, period=period, age_group=age
            )
        suffix = "" if margin == "value" else f"_{margin}"
        for measure, value in values.items():
            estimate.values[measure + suffix] = value
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("Er zijn meer fouten; verbeter eerst deze."))
        raise FiguresError(shown)
    if not result.estimates:
        if result.rows and municipality_code:
            raise FiguresError(
                [
                    _("Het bestand bevat geen cijfers voor gemeente %(code)s.")
                    % {"code": municipality_code}
                ]
            )
        raise FiguresError([_("Het bestand bevat geen regels met cijfers.")])
    return result


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel on Windows saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def parse_csv(data: bytes, *, table: str, municipality_code: str = "") -> ParsedFigures:
    if not data.strip():
        raise FiguresError([_("Het bestand is leeg.")])
    if b"\x00" in data[:4096]:
        raise FiguresError(
            [_("Dit is geen CSV-bestand. Download bij StatLine de onbewerkte dataset als CSV.")]
        )
    text = decode(data)
    first_line = text.lstrip().split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text.lstrip()), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise FiguresError([_("Het bestand is leeg.")]) from error

    def numbered() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as error:
            raise FiguresError(
                [
                    _("Regel %(line)s: het bestand is geen geldige CSV (%(error)s).")
                    % {"line": reader.line_num, "error": error}
                ]
            ) from error

    return parse_rows(header, numbered(), table=table, municipality_code=municipality_code)


def parse_records(
    records: Sequence[Mapping[str, Any]], *, table: str, municipality_code: str = ""
) -> ParsedFigures:
    """The API's records (dicts with the column keys, as `cbsodata.get_data` returns them)."""
    if not records:
        raise FiguresError([_("Het CBS gaf geen cijfers terug voor deze gemeente en tabel.")])
    header = list(records[0].keys())
    rows = (
        (index + 1, [record.get(name) for name in header]) for index, record in enumerate(records)
    )
    return parse_rows(header, rows, table=table, municipality_code=municipality_code)


def online_filter(municipality_code: str) -> str:
    """OData filter for the rows of one municipality: its own row and its wijken and buurten."""
    digits = municipality_code[2:]
    return " or ".join(
        f"substringof('{prefix}{digits}',WijkenEnBuurten)" for prefix in ("GM", "WK", "BU")
    )


def fetch_online(table: str, municipality_code: str) -> ParsedFigures:
    """The figures of one municipality from the CBS open-data API (network)."""
    import cbsodata
    import requests

    try:
        records = cbsodata.get_data(
            table,
            filters=online_filter(municipality_code),
            catalog_url=CATALOG_URL,
            timeout=ONLINE_TIMEOUT_SECONDS,
        )
    except (requests.RequestException, OSError) as error:
        raise FiguresError(
            [
                _(
                    "De open-dataserver van het CBS is niet bereikbaar (%(error)s). Probeer het "
                    "later opnieuw, of download de CSV bij StatLine en upload die hier."
                )
                % {"error": type(error).__name__}
            ]
        ) from error
    except (ValueError, KeyError, TypeError) as error:
        raise FiguresError(
            [_("Het CBS gaf een antwoord dat Samenspel niet kan lezen; upload de CSV.")]
        ) from error
    return parse_records(records, table=table, municipality_code=municipality_code)

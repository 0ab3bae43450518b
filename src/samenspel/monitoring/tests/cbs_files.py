"""Small files in the real format of StatLine 50120NED / 50150NED, made by the tests.

The "onbewerkte dataset" CSV: `;`-separated, quoted, a header of column keys with the edition's
numeric suffix, region codes padded with spaces to ten characters, periods as `2022JJ00`, the
Marges dimension as `MW00000` (value), `MOG0095` (lower) and `MBG0095` (upper), `.` where CBS
does not publish a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Two editions: 50150NED (with an age dimension) and an older 50120NED layout with other suffixes.
EDITION_2024 = {
    "age": True,
    "measures": {
        "lonely": "Eenzaam_27",
        "strongly_lonely": "ErnstigZeerErnstigEenzaam_28",
        "emotionally_lonely": "EmotioneelEenzaam_29",
        "socially_lonely": "SociaalEenzaam_30",
    },
    "others": ["ErvarenGezondheidGoedZeerGoed_4", "Mantelzorger_31"],
}
EDITION_2022 = {
    "age": False,
    "measures": {
        "lonely": "Eenzaam_24",
        "strongly_lonely": "ErnstigZeerErnstigEenzaam_25",
        "emotionally_lonely": "EmotioneelEenzaam_26",
        "socially_lonely": "SociaalEenzaam_27",
    },
    "others": ["ErvarenGezondheidGoedZeerGoed_4"],
}
MARGIN_KEYS = {"value": "MW00000", "lower": "MOG0095", "upper": "MBG0095"}
KIND_TITLES = {"GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}


def padded(code: str) -> str:
    return code.ljust(10)


def row(
    code: str,
    values: Sequence[str | float | None],
    *,
    period: str = "2022JJ00",
    margin: str = "value",
    age: str = "20300",
    municipality: str = "Amsterdam",
) -> dict:
    """One line: `values` are lonely, strongly, emotionally, socially (None -> '.')."""
    return {
        "code": code,
        "values": values,
        "period": period,
        "margin": margin,
        "age": age,
        "municipality": municipality,
    }


def _number(value: str | float | None, decimal: str) -> str:
    if value is None:
        return "."
    if isinstance(value, str):
        return value
    return f"{value:.1f}".replace(".", decimal)


def make_csv(
    rows: Iterable[dict],
    *,
    edition: dict = EDITION_2024,
    decimal: str = ".",
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
    drop: Sequence[str] = (),
) -> bytes:
    measures = list(edition["measures"].values())
    header = ["ID", "Marges", *(["Leeftijd"] if edition["age"] else []), "WijkenEnBuurten",
              "Perioden", "Gemeentenaam_1", "SoortRegio_2", "Codering_3", *edition["others"],
              *measures]  # fmt: skip
    lines = []
    for number, item in enumerate(rows):
        cells = {
            "ID": str(number),
            "Marges": MARGIN_KEYS.get(item["margin"], item["margin"]),
            "Leeftijd": item["age"],
            "WijkenEnBuurten": padded(item["code"]),
            "Perioden": item["period"],
            "Gemeentenaam_1": item["municipality"].ljust(40),
            "SoortRegio_2": KIND_TITLES.get(item["code"][:2], "").ljust(10),
            "Codering_3": padded(item["code"]),
        }
        for other in edition["others"]:
            cells[other] = _number(55.5, decimal)
        for key, value in zip(measures, item["values"], strict=True):
            cells[key] = _number(value, decimal)
        lines.append([cells[name] for name in header if name not in drop])
    header = [name for name in header if name not in drop]
    text = "\r\n".join(delimiter.join(f'"{cell}"' for cell in line) for line in [header, *lines])
    return (text + "\r\n").encode(encoding)


def api_records(rows: Iterable[dict], *, titles: dict[str, str]) -> list[dict]:
    """What `cbsodata.get_data` returns: the column keys, dimension values replaced by titles
    (`titles` maps a region code to its name), topics as they are (padded)."""
    margin_titles = {
        "value": "Waarde",
        "lower": "Ondergrens 95%-interval",
        "upper": "Bovengrens 95%-interval",
    }
    age_titles = {"20300": "18 jaar of ouder", "80200": "65 jaar of ouder"}
    measures = list(EDITION_2024["measures"].values())
    records = []
    for number, item in enumerate(rows):
        record = {
            "ID": number,
            "Marges": margin_titles[item["margin"]],
            "Leeftijd": age_titles[item["age"]],
            "WijkenEnBuurten": titles[item["code"]],
            "Perioden": item["period"][:4],
            "Gemeentenaam_1": item["municipality"].ljust(40),
            "SoortRegio_2": KIND_TITLES[item["code"][:2]].ljust(10),
            "Codering_3": padded(item["code"]),
            "ErvarenGezondheidGoedZeerGoed_4": "     55.5",
        }
        for key, value in zip(measures, item["values"], strict=True):
            record[key] = "       ." if value is None else f"{value:10.1f}"
        records.append(record)
    return records

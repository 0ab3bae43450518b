"""Wijken, kernen and loneliness figures for the demo coalition "Samen Dijkerveen".

Dijkerveen is fictional (CBS code GM9901), and so are its wijk codes (WK9901xx) and every figure
here: the estimates are marked `is_demo` and the pages say so. They are shaped like the real
RIVM/CBS estimates (a share of adults, with a 95% interval that is wider for smaller wijken) so
that the gap view and the advice have something to show.
"""

from __future__ import annotations

from decimal import Decimal

from samenspel.accounts.models import User
from samenspel.coalitions.models import Coalition, Neighbourhood, NeighbourhoodKind
from samenspel.monitoring import services
from samenspel.monitoring.cbs import ParsedEstimate, ParsedFigures, ParsedRegion
from samenspel.monitoring.models import AgeGroup, RegionKind

MUNICIPALITY = ("GM9901", "Dijkerveen")
DEMO_SOURCE = "Demowaarden Dijkerveen (verzonnen, geen CBS-cijfers)"

# name, kind, CBS code ('' for a kern without its own code)
NEIGHBOURHOODS = [
    ("Dijkerveen-Centrum", NeighbourhoodKind.DISTRICT, "WK990101"),
    ("Dijkerveen-Noord", NeighbourhoodKind.DISTRICT, "WK990102"),
    ("Dijkerveen-Zuid", NeighbourhoodKind.DISTRICT, "WK990103"),
    ("Dijkerveen-Oost", NeighbourhoodKind.DISTRICT, "WK990104"),
    ("De Polder", NeighbourhoodKind.DISTRICT, "WK990105"),
    ("Oudedijk", NeighbourhoodKind.VILLAGE, ""),
]

# code, name, (lonely, strongly lonely, emotionally, socially) in 2022, half width of the
# interval of the strongly lonely share. De Polder's strongly lonely share is suppressed, as CBS
# does for a small area.
FIGURES_2022: list[tuple[str, str, tuple[str | None, ...], str]] = [
    ("GM9901", "Dijkerveen", ("47.1", "12.8", "30.4", "36.0"), "0.6"),
    ("WK990101", "Dijkerveen-Centrum", ("49.5", "13.9", "32.0", "37.8"), "2.1"),
    ("WK990102", "Dijkerveen-Noord", ("55.2", "19.6", "35.9", "42.3"), "2.8"),
    ("WK990103", "Dijkerveen-Zuid", ("44.0", "10.7", "28.1", "33.5"), "2.4"),
    ("WK990104", "Dijkerveen-Oost", ("51.8", "16.3", "33.7", "39.9"), "3.0"),
    ("WK990105", "De Polder", ("41.2", None, "26.0", "31.7"), "3.4"),
]
# The previous edition, a little lower everywhere: loneliness rose a bit.
DRIFT_2020 = Decimal("1.4")


def _estimate(
    code: str, period: int, values: tuple[str | None, ...], half: str, drift: Decimal
) -> ParsedEstimate:
    estimate = ParsedEstimate(code=code, period=period, age_group=AgeGroup.ADULTS.value)
    for measure, raw in zip(
        ("lonely", "strongly_lonely", "emotionally_lonely", "socially_lonely"), values, strict=True
    ):
        value = Decimal(raw) - drift if raw is not None else None
        width = Decimal(half) if measure == "strongly_lonely" else Decimal(half) * 2
        estimate.values[measure] = value
        estimate.values[f"{measure}_lower"] = value - width if value is not None else None
        estimate.values[f"{measure}_upper"] = value + width if value is not None else None
    return estimate


def demo_figures() -> ParsedFigures:
    figures = ParsedFigures(table="50150NED")
    for code, name, values, half in FIGURES_2022:
        kind = RegionKind.MUNICIPALITY if code.startswith("GM") else RegionKind.DISTRICT
        figures.regions[code] = ParsedRegion(
            code=code,
            kind=kind,
            municipality_code=MUNICIPALITY[0],
            name=name,
            municipality_name=MUNICIPALITY[1],
        )
        for period, drift in ((2022, Decimal(0)), (2020, DRIFT_2020)):
            estimate = _estimate(code, period, values, half, drift)
            figures.estimates[(code, period, estimate.age_group)] = estimate
    figures.rows = len(figures.estimates) * 3  # value, lower and upper as CBS delivers them
    return figures


def add_neighbourhoods(coalition: Coalition, user: User) -> list[Neighbourhood]:
    """The demo figures (fictional regions and estimates) and the coalition's wijken and kern,
    through the service functions; returns the neighbourhoods for the activities demo."""
    services.store_figures(
        demo_figures(),
        source=DEMO_SOURCE,
        acting_user=user,
        coalition=coalition,
        municipality_code=MUNICIPALITY[0],
        is_demo=True,
    )
    return [
        services.create_neighbourhood(
            coalition, acting_user=user, name=name, kind=kind, cbs_code=code
        )
        for name, kind, code in NEIGHBOURHOODS
    ]

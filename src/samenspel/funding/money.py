"""Amounts in euro and other decimals, written the Dutch way: € 12.500,00 and 7,5 (in every
interface language). Plain string work: these run for every row of the overview tables, where
Django's localising `floatformat` costs more than the rest of the row."""

from decimal import Decimal

from samenspel.core.amounts import euro

__all__ = ["dutch_decimal", "euro"]


def dutch_decimal(value: Decimal | int | None, places: int | None = None) -> str:
    """7,5 or 12: as many decimals as the value has (none when it is whole), or `places`."""
    if value is None:
        return ""
    number = Decimal(value)
    if places is not None:
        text = f"{number:.{places}f}"
    else:
        text = f"{number.normalize():f}" if number != number.to_integral() else f"{number:.0f}"
    return text.replace(".", ",")

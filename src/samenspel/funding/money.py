"""Amounts in euro, written the Dutch way: € 12.500,00 (in every interface language)."""

from decimal import Decimal


def euro(value: Decimal | int | float | str | None) -> str:
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{sign}€\u00a0{grouped}"

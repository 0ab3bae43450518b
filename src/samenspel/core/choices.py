"""Choice labels, translated once per language instead of once per row.

A model's `get_FOO_display()` evaluates every lazy label of the field's choices each time it is
called; on a list page that is hundreds of translations per request.
"""

from functools import cache

from django.db.models import Choices
from django.utils.translation import get_language


@cache
def _labels(choices: type[Choices], language: str | None) -> dict[str, str]:
    return {str(value): str(label) for value, label in choices.choices}


def label(choices: type[Choices], value: str) -> str:
    return _labels(choices, get_language()).get(value, value)


def labels(choices: type[Choices]) -> dict[str, str]:
    """Every label of `choices` in the current language: for code that looks up many values."""
    return _labels(choices, get_language())

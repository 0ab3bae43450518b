"""Public addresses of finders: unique over all coalitions, so these reads cross coalitions.

Only slugs are read here, never another coalition's data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import slugify

from samenspel.activities.models import Finder

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


def address_taken(slug: str, *, by_other_than: int) -> bool:
    """Whether another coalition's finder uses this address (coalition by primary key)."""
    return (
        Finder.objects.across_coalitions()
        .filter(slug=slug)
        .exclude(coalition_id=by_other_than)
        .exists()
    )


def suggest_slug(coalition: Coalition) -> str:
    """An address from the coalition's name that no other finder uses yet."""
    base = slugify(coalition.name).replace("_", "-").strip("-")[:50].strip("-") or "coalitie"
    base = "-".join(part for part in base.split("-") if part)
    taken = set(
        Finder.objects.across_coalitions()
        .filter(slug__startswith=base)
        .exclude(coalition=coalition)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug

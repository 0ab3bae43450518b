"""Addresses of coalition pages without a `reverse()` per link.

Coalition URLs differ only in the coalition's uuid, so each URL name is reversed once per process
and completed by string substitution: on list pages with a link per row this was a large part of
the page's time.
"""

from __future__ import annotations

import functools
from uuid import UUID

from django.urls import reverse

_PLACEHOLDER = UUID(int=0)


@functools.cache
def _url_parts(view_name: str) -> tuple[str, str]:
    prefix, _separator, suffix = reverse(view_name, args=[_PLACEHOLDER]).partition(
        str(_PLACEHOLDER)
    )
    return prefix, suffix


def coalition_url(view_name: str, coalition: UUID | str) -> str:
    """`reverse(view_name, args=[coalition])` for a URL whose only argument is the coalition."""
    prefix, suffix = _url_parts(view_name)
    return f"{prefix}{coalition}{suffix}"

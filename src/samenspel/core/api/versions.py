"""ETag and If-Match for API objects, so that two people editing one object lose no update.

The ETag is a hash of the object's JSON representation: it changes exactly when what a client
saw changes, and needs no version column. A write that sends `If-Match` is refused with 412 when
the object no longer has that representation.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _(
        "Iemand anders heeft dit object intussen gewijzigd. "
        "Haal het opnieuw op en breng uw wijziging daarin aan."
    )
    default_code = "precondition_failed"


def etag_of(representation: Any) -> str:
    canonical = json.dumps(representation, sort_keys=True, default=str, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def require_match(if_match: str | None, representation: Any) -> None:
    """Raise PreconditionFailed unless `If-Match` is absent, `*`, or names the current ETag."""
    if not if_match:
        return
    offered = {tag.strip() for tag in if_match.split(",")}  # strong comparison (RFC 9110 13.1.1)
    if "*" not in offered and etag_of(representation) not in offered:
        raise PreconditionFailed

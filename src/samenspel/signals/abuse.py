"""Abuse protection of the public meldpunt without third-party services.

- A honeypot: a field people do not see; a form that fills it is thanked and dropped.
- A challenge of our own: a small sum whose numbers travel in a signed token (the server's
  secret), so the answer cannot be forged and a token expires after two hours.
- A rate limit per address (a digest of it, never the address itself) in the cache: a few
  reports and a few more status look-ups per hour.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

SALT = "samenspel.signals.meldpunt"
TOKEN_AGE = 2 * 60 * 60
LIMITS = {"report": 5, "status": 20}
WINDOW = 60 * 60


def new_challenge() -> tuple[str, int, int]:
    """A signed token and the two numbers the person adds up."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return signing.dumps([first, second], salt=SALT), first, second


def numbers_of(token: str) -> tuple[int, int] | None:
    try:
        first, second = signing.loads(token, salt=SALT, max_age=TOKEN_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(first), int(second)


def answered(token: str, answer: int | None) -> bool:
    numbers = numbers_of(token)
    return numbers is not None and answer == sum(numbers)


def _key(request: HttpRequest, action: str) -> str:
    address = getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{SALT}:{address}".encode()).hexdigest()[:32]
    return f"meldpunt:{action}:{digest}"


def allow(request: HttpRequest, action: str) -> bool:
    """Count one attempt; False once the address has used up its attempts this hour."""
    key = _key(request, action)
    cache.add(key, 0, timeout=WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW)
        count = 1
    return count <= LIMITS[action]

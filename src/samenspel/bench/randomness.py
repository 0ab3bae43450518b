"""Deterministic helpers shared by the synthetic data modules."""

import random
import uuid
from typing import Any


def random_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID from the generator, so the same seed gives the same identifiers."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    """One of the keys, drawn with the values as weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]

"""Deterministic helpers shared by the synthetic data modules."""

import random
import uuid


def random_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID from the generator, so the same seed gives the same identifiers."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)

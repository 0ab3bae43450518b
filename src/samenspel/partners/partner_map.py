"""Geometry of the partner map: the circles of involvement (handbook §3.2.5) as an SVG.

Each partner is a numbered dot in its own ring; the page shows the same numbers in a table, so
the picture is never the only way to the data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from samenspel.partners.models import Circle, Partner, PartnerKind

SIZE = 640
CENTRE = SIZE / 2
DOT_RADIUS = 12
DOT_SPACING = 30
# Inner and outer radius of each ring, from the heart outwards.
RINGS = {
    Circle.CORE: (0, 95),
    Circle.ACTIVE: (95, 170),
    Circle.INVOLVED: (170, 245),
    Circle.INFORMED: (245, 315),
}
KIND_COLOURS = dict(
    zip(
        PartnerKind.values,
        [
            "#8a2b0e",
            "#005a8c",
            "#6a3d9a",
            "#1b6e3a",
            "#9c3d00",
            "#0b6e6e",
            "#a3004c",
            "#4b5c00",
            "#283593",
            "#5d4037",
            "#444444",
        ],
        strict=True,
    )
)


@dataclass(frozen=True)
class Dot:
    number: int
    partner: Partner
    x: float
    y: float
    colour: str


@dataclass(frozen=True)
class Ring:
    circle: str
    label: str
    radius: float
    label_y: float


def _positions(count: int, inner: float, outer: float) -> list[tuple[float, float]]:
    """Spread `count` dots over as many concentric tracks as the ring needs."""
    if count == 0:
        return []
    if inner == 0 and count == 1:
        return [(CENTRE, CENTRE)]
    first_track = max(inner + DOT_SPACING / 2, DOT_SPACING)
    tracks = list(range(int(first_track), int(outer - DOT_RADIUS) + 1, DOT_SPACING)) or [
        int(first_track)
    ]
    capacity = [max(1, int(2 * math.pi * r / DOT_SPACING)) for r in tracks]
    positions: list[tuple[float, float]] = []
    remaining = count
    for radius, fits in zip(tracks, capacity, strict=True):
        # Share the dots over the tracks in proportion to what each can hold.
        share = (
            remaining
            if radius == tracks[-1]
            else min(fits, math.ceil(count * fits / sum(capacity)))
        )
        share = min(share, remaining)
        for index in range(share):
            angle = 2 * math.pi * index / max(share, 1) - math.pi / 2 + radius / 97
            positions.append((CENTRE + radius * math.cos(angle), CENTRE + radius * math.sin(angle)))
        remaining -= share
        if remaining == 0:
            break
    return positions


def build_map(partners: Sequence[Partner]) -> tuple[list[Ring], list[Dot]]:
    rings = [
        Ring(
            circle=circle.value,
            label=str(circle.label),
            radius=RINGS[circle][1],
            label_y=CENTRE - RINGS[circle][1] + 18,
        )
        for circle in Circle
    ]
    dots: list[Dot] = []
    number = 1
    for circle in Circle:
        members = [p for p in partners if p.circle == circle.value]
        for partner, (x, y) in zip(members, _positions(len(members), *RINGS[circle]), strict=False):
            dots.append(Dot(number, partner, round(x, 1), round(y, 1), KIND_COLOURS[partner.kind]))
            number += 1
    return rings, dots

"""The guide explains every kind of partner, circle, motive and resident type a partner can have."""

import pytest

from samenspel.guide import content
from samenspel.guide.content import get_section
from samenspel.partners.models import Circle, Motive, PartnerKind, ResidentType


@pytest.mark.parametrize(
    ("choices", "section_key"),
    [
        (PartnerKind, "partner_kinds"),
        (Circle, "circles"),
        (Motive, "motives"),
        (ResidentType, "resident_types"),
    ],
)
def test_model_choices_match_guide_keys(choices: type, section_key: str) -> None:
    assert set(choices.values) == set(get_section(section_key).item_keys)  # type: ignore[attr-defined]


def test_every_partner_kind_has_tips() -> None:
    assert all(content.tips_for_partner_kind(kind) for kind in PartnerKind.values)

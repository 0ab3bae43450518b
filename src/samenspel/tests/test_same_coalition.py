"""One check that a chosen object belongs to the coalition of the record it is chosen for
(`core.tenancy.check_same_coalition`), shared by the write functions of signals and
activities."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from samenspel.core.tenancy import check_same_coalition, of_other_coalition


def test_an_object_of_another_coalition_is_refused_at_its_field():
    wijk = SimpleNamespace(coalition_id=2)

    with pytest.raises(ValidationError) as refused:
        check_same_coalition(1, wijk, "neighbourhood", "Deze wijk hoort niet bij deze coalitie.")

    assert refused.value.message_dict == {
        "neighbourhood": ["Deze wijk hoort niet bij deze coalitie."]
    }


def test_an_object_of_the_same_coalition_or_none_passes():
    check_same_coalition(1, SimpleNamespace(coalition_id=1), "neighbourhood", "-")
    check_same_coalition(1, None, "neighbourhood", "-")

    assert of_other_coalition(SimpleNamespace(coalition_id=2), 1)
    assert not of_other_coalition(SimpleNamespace(coalition_id=1), 1)
    assert not of_other_coalition(None, 1)

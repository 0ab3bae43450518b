import pytest

from samenspel.partners.tests.factories import PartnerFactory


@pytest.fixture
def municipality(coalition):
    """A municipality that is both commissioner and funder: the rule 'municipality_many_hats'
    finds it, so a test has a finding to set aside and restore."""
    return PartnerFactory(
        coalition=coalition,
        name="Gemeente Oost",
        kind="municipality",
        circle="core",
        roles=["commissioner", "funder"],
    )

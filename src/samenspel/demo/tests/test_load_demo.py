import pytest

from samenspel.accounts.models import NationalRole, User
from samenspel.accounts.policy import Permission, portfolio
from samenspel.activities.models import Activity, Finder
from samenspel.agreements.models import AmbitionVersion
from samenspel.coalitions.models import Coalition
from samenspel.demo.data import load_demo
from samenspel.monitoring.models import LonelinessEstimate

pytestmark = pytest.mark.django_db


def test_the_demo_loads_every_part_of_the_product(mailoutbox):
    accounts = load_demo("demo-wachtwoord-voor-de-test")

    emails = {email for email, _name in accounts}
    assert emails == {
        f"{local}@demo.samenspel.nl"
        for local in ("coordinator", "coordinator2", "partner", "gemeente", "adviseur", "programma")
    }
    programme = User.objects.get(email="programma@demo.samenspel.nl")
    assert programme.national_role == NationalRole.PROGRAMME
    assert not programme.memberships.exists()
    adviser = User.objects.get(email="adviseur@demo.samenspel.nl")
    assert portfolio(adviser, Permission.VIEW_FINDINGS).count() == 2
    dijkerveen = Coalition.objects.get(name="Samen Dijkerveen")
    latest = AmbitionVersion.objects.filter(coalition=dijkerveen).first()
    assert latest is not None
    assert dijkerveen.ambition == latest.text  # the coalition follows its latest version
    assert Finder.objects.get(coalition=dijkerveen).is_published
    assert dijkerveen.municipality_roles == ["commissioner_funder", "director"]
    assert Activity.objects.published().filter(coalition=dijkerveen).count() >= 15
    assert dijkerveen.neighbourhoods.exclude(cbs_code="").count() >= 5
    estimates = LonelinessEstimate.objects.filter(
        region__code__in=dijkerveen.neighbourhoods.values("cbs_code")
    )
    assert estimates.exists()
    assert not estimates.filter(is_demo=False).exists()  # made-up figures are marked as such

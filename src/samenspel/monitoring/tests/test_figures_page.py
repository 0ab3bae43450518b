"""The page to import the CBS/RIVM figures."""

import cbsodata
import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.monitoring.models import FiguresImport, LonelinessEstimate
from samenspel.monitoring.tests.cbs_files import make_csv, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    return CoalitionFactory(municipality=MunicipalityFactory(code="GM9901", name="Dijkerveen"))


def test_the_coordinator_and_municipality_import_others_may_not(coalition):
    url = reverse("monitoring:figures", args=[coalition.uuid])
    reader = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)
    assert reader.get(url).status_code == 403
    officer = client_for(MembershipFactory(coalition=coalition, municipality=True).user)
    page = officer.get(url)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    data = make_csv([row("WK990101", [50.0, 15.0, 30.0, 35.0])], decimal=",", encoding="cp1252")
    response = officer.post(
        url, {"table": "50150NED", "file": SimpleUploadedFile("gezondheid.csv", data)}, follow=True
    )
    assert "Tabel 50150NED ingelezen: 1 schattingen voor 1 regio" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("monitoring:gap", args=[coalition.uuid])
    assert FiguresImport.objects.get().source == "gezondheid.csv"


def test_a_bad_file_shows_the_message_at_the_field_and_saves_nothing(coalition):
    client = client_for(MembershipFactory(coalition=coalition, coordinator=True).user)
    url = reverse("monitoring:figures", args=[coalition.uuid])
    data = make_csv([row("WK990101", ["heel veel", 15.0, 30.0, 35.0])])
    response = client.post(url, {"table": "50150NED", "file": SimpleUploadedFile("f.csv", data)})
    assert response.status_code == 200
    assert (
        "Regel 2, kolom Eenzaam_27: &#x27;heel veel&#x27; is geen percentage"
        in response.content.decode()
    )
    assert not LonelinessEstimate.objects.exists()


def test_fetching_online_while_offline_says_so(coalition, monkeypatch):
    def offline(table_id, **kwargs):
        raise requests.ConnectionError("no network")

    monkeypatch.setattr(cbsodata, "get_data", offline)
    client = client_for(MembershipFactory(coalition=coalition, coordinator=True).user)
    url = reverse("monitoring:figures", args=[coalition.uuid])
    response = client.post(url, {"online": "1", "table": "50150NED"})
    assert response.status_code == 200
    assert "De open-dataserver van het CBS is niet bereikbaar" in response.content.decode()
    assert not FiguresImport.objects.exists()

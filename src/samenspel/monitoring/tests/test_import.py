"""Importing the loneliness figures: both tables, two editions, padded codes, suppressed values,
margins, bad input (a Dutch message and nothing saved), the online path with a fake client and
the management command."""

from decimal import Decimal

import cbsodata
import pytest
import requests
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from samenspel.accounts.tests.factories import UserFactory
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.core.models import AuditEvent
from samenspel.monitoring import cbs, services
from samenspel.monitoring.models import FiguresImport, LonelinessEstimate, Region
from samenspel.monitoring.tests.cbs_files import (
    EDITION_2022,
    api_records,
    make_csv,
    row,
)

pytestmark = pytest.mark.django_db

D = Decimal

AMSTERDAM_2022 = [
    row("GM0363", [46.2, 13.2, 30.1, 35.3]),
    row("GM0363", [45.8, 12.9, 29.7, 34.9], margin="lower"),
    row("GM0363", [46.6, 13.5, 30.5, 35.7], margin="upper"),
    row("WK036301", [52.3, 18.4, 33.0, 40.2]),
    row("WK036301", [48.1, 15.0, 29.2, 36.0], margin="lower"),
    row("WK036301", [56.5, 21.9, 36.8, 44.4], margin="upper"),
    row("BU03630101", [None, None, None, None]),  # suppressed: too small
    row("WK036301", [60.0, 25.0, 40.0, 45.0], age="80200"),  # 65+
    row("WK036301", [50.0, 17.0, 31.0, 38.0], period="2020JJ00"),
    row("NL01", [46.0, 12.0, 30.0, 35.0]),  # the national total: skipped
    row("GM0599", [48.0, 14.0, 31.0, 36.0], municipality="Rotterdam"),
]


def estimate(code, period=2022, age="20300"):
    return LonelinessEstimate.objects.get(region__code=code, period=period, age_group=age)


def test_a_50150ned_csv_is_stored_with_values_margins_and_trimmed_codes():
    log = services.import_csv(
        make_csv(AMSTERDAM_2022), table="50150NED", source="50150NED.csv", acting_user=None
    )
    wijk = estimate("WK036301")
    assert (wijk.lonely, wijk.lonely_lower, wijk.lonely_upper) == (D("52.3"), D("48.1"), D("56.5"))
    assert (wijk.strongly_lonely, wijk.strongly_lonely_lower, wijk.strongly_lonely_upper) == (
        D("18.4"),
        D("15.0"),
        D("21.9"),
    )
    assert wijk.socially_lonely_upper == D("44.4")
    assert wijk.source_table == "50150NED"
    assert estimate("WK036301", age="80200").strongly_lonely == D("25.0")
    assert estimate("WK036301", period=2020).lonely == D("50.0")
    buurt = estimate("BU03630101")
    assert buurt.lonely is None
    assert buurt.strongly_lonely is None
    assert set(Region.objects.values_list("code", flat=True)) == {
        "GM0363",
        "WK036301",
        "BU03630101",
        "GM0599",
    }
    municipality = Region.objects.get(code="GM0363")
    assert (municipality.kind, municipality.name) == ("municipality", "Amsterdam")
    assert Region.objects.get(code="WK036301").municipality_code == "GM0363"
    assert (log.rows, log.skipped, log.regions, log.estimates) == (11, 1, 4, 6)


def test_an_older_edition_with_other_suffixes_and_no_age_dimension():
    data = make_csv(
        [
            row("WK036302", [41.0, 9.5, 28.0, 30.0]),
            row("WK036302", [38.0, 7.5, 25.0, 27.0], margin="lower"),
        ],
        edition=EDITION_2022,
        decimal=",",
        encoding="cp1252",
    )
    services.import_csv(data, table="50120NED", source="oud.csv", acting_user=None)
    stored = estimate("WK036302", age="")
    assert (stored.lonely, stored.strongly_lonely, stored.strongly_lonely_lower) == (
        D("41.0"),
        D("9.5"),
        D("7.5"),
    )
    assert stored.strongly_lonely_upper is None
    assert stored.source_table == "50120NED"


def test_a_new_import_updates_and_names_survive_a_file_with_codes_only():
    Region.objects.create(
        code="WK036301", kind="district", name="Burgwallen", municipality_code="GM0363"
    )
    services.import_csv(
        make_csv(AMSTERDAM_2022), table="50150NED", source="a.csv", acting_user=None
    )
    newer = make_csv([row("WK036301", [53.0, 19.0, 34.0, 41.0])])
    services.import_csv(newer, table="50150NED", source="b.csv", acting_user=None)
    assert estimate("WK036301").strongly_lonely == D("19.0")
    assert Region.objects.get(code="WK036301").name == "Burgwallen"
    assert LonelinessEstimate.objects.filter(region__code="WK036301").count() == 3


def test_from_a_coalition_only_its_own_municipality_is_imported_and_audited():
    coalition = CoalitionFactory(municipality=MunicipalityFactory(code="GM0363", name="Amsterdam"))
    other = CoalitionFactory(municipality=MunicipalityFactory(code="GM0599", name="Rotterdam"))
    user = UserFactory()
    log = services.import_csv(
        make_csv(AMSTERDAM_2022),
        table="50150NED",
        source="x.csv",
        acting_user=user,
        coalition=coalition,
    )
    assert not Region.objects.filter(code="GM0599").exists()
    assert log.skipped == 2
    assert log.municipality_code == "GM0363"
    event = AuditEvent.objects.get(action="figures.imported")
    assert event.coalition == coalition
    assert event.actor == user
    assert not AuditEvent.objects.filter(coalition=other).exists()


BAD_INPUT = [
    (b"", "Het bestand is leeg."),
    (b"   \r\n", "Het bestand is leeg."),
    (b"naam;adres\r\nPiet;Dorpsstraat 1\r\n", "Dit lijkt geen bestand van CBS-tabel"),
    (b"PK\x03\x04\x00\x00binary", "Dit is geen CSV-bestand"),
    (make_csv(AMSTERDAM_2022, drop=["Perioden"]), "De kolom Perioden ontbreekt"),
    (
        make_csv(AMSTERDAM_2022, drop=["ErnstigZeerErnstigEenzaam_28"]),
        "De kolom ErnstigZeerErnstigEenzaam ontbreekt",
    ),
    (make_csv([row("WK036301", ["veel", 13.2, 30.1, 35.3])]), "'veel' is geen percentage"),
    (make_csv([row("WK036301", [146.2, 13.2, 30.1, 35.3])]), "'146.2' is geen percentage"),
    (make_csv([row("WK036301", ["1.234,5", 13.2, 30.1, 35.3])]), "is geen percentage"),
    (make_csv([row("Amsterdam", [46.2, 13.2, 30.1, 35.3])]), "'Amsterdam' is geen CBS-code"),
    (make_csv([row("WK036301", [46.2, 13.2, 30.1, 35.3], period="vorig jaar")]), "geen jaar"),
    (make_csv([row("WK036301", [46.2, 13.2, 30.1, 35.3], margin="XX00000")]), "marge 'XX00000'"),
    (make_csv([row("WK036301", [1, 2, 3, 4]), row("WK036301", [1, 2, 3, 4])]), "twee keer"),
    (make_csv([]), "geen regels met cijfers"),
    (make_csv(AMSTERDAM_2022, delimiter="|"), "Dit lijkt geen bestand van CBS-tabel"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUT)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(data, message):
    with pytest.raises(ValidationError) as caught:
        services.import_csv(data, table="50150NED", source="fout.csv", acting_user=None)
    assert any(message in text for text in caught.value.messages), caught.value.messages
    assert "file" in caught.value.message_dict
    assert not Region.objects.exists()
    assert not LonelinessEstimate.objects.exists()
    assert not FiguresImport.objects.exists()


def test_a_bad_line_late_in_the_file_rolls_everything_back_and_names_the_line():
    rows = [*AMSTERDAM_2022, row("WK036309", ["x y", 1, 2, 3])]
    with pytest.raises(ValidationError) as caught:
        services.import_csv(make_csv(rows), table="50150NED", source="f.csv", acting_user=None)
    assert "Regel 13" in caught.value.messages[0]
    assert not LonelinessEstimate.objects.exists()


def test_an_unknown_table_is_refused():
    with pytest.raises(ValidationError) as caught:
        services.import_csv(
            make_csv(AMSTERDAM_2022), table="83765NED", source="f.csv", acting_user=None
        )
    assert "table" in caught.value.message_dict


def test_a_coalition_file_without_its_municipality_says_so():
    coalition = CoalitionFactory(municipality=MunicipalityFactory(code="GM0014", name="Groningen"))
    with pytest.raises(ValidationError) as caught:
        services.import_csv(
            make_csv(AMSTERDAM_2022),
            table="50150NED",
            source="f.csv",
            acting_user=None,
            coalition=coalition,
        )
    assert "geen cijfers voor gemeente GM0014" in caught.value.messages[0]


def test_column_keys_are_matched_without_their_suffix():
    assert cbs.column_key('"Eenzaam_27"') == cbs.column_key("Eenzaam_24") == "eenzaam"
    assert cbs.column_key("Wijken en buurten") == "wijkenenbuurten"
    assert cbs.parse_share(" 12,5 ") == D("12.5")
    assert cbs.parse_share("       .") is None
    assert cbs.parse_share(13.25) == D("13.2") or cbs.parse_share(13.25) == D("13.3")


# The online path, with a fake cbsodata.get_data: the tests never touch the network.

TITLES = {"GM0363": "Amsterdam", "WK036301": "Burgwallen-Oude Zijde", "BU03630101": "Kop Zeedijk"}


def test_online_figures_come_through_cbsodata_with_titles_as_names(monkeypatch):
    calls = []

    def fake_get_data(table_id, **kwargs):
        calls.append((table_id, kwargs))
        return api_records(AMSTERDAM_2022[:7], titles=TITLES)

    monkeypatch.setattr(cbsodata, "get_data", fake_get_data)
    coalition = CoalitionFactory(municipality=MunicipalityFactory(code="GM0363", name="Amsterdam"))
    log = services.import_online(
        table="50150NED", municipality_code="GM0363", acting_user=None, coalition=coalition
    )
    table_id, kwargs = calls[0]
    assert table_id == "50150NED"
    assert kwargs["catalog_url"] == "dataderden.cbs.nl"
    assert "substringof('WK0363',WijkenEnBuurten)" in kwargs["filters"]
    assert Region.objects.get(code="WK036301").name == "Burgwallen-Oude Zijde"
    wijk = estimate("WK036301")
    assert (wijk.strongly_lonely, wijk.strongly_lonely_lower, wijk.strongly_lonely_upper) == (
        D("18.4"),
        D("15.0"),
        D("21.9"),
    )
    assert estimate("BU03630101").lonely is None
    assert log.source == "CBS open data"


def test_offline_gives_a_clear_message_and_saves_nothing(monkeypatch):
    def offline(table_id, **kwargs):
        raise requests.ConnectionError("Name or service not known")

    monkeypatch.setattr(cbsodata, "get_data", offline)
    with pytest.raises(ValidationError) as caught:
        services.import_online(table="50150NED", municipality_code="GM0363", acting_user=None)
    assert "niet bereikbaar" in caught.value.messages[0]
    assert not FiguresImport.objects.exists()


def test_the_command_imports_a_file_and_refuses_bad_input(tmp_path, capsys):
    path = tmp_path / "50120NED_data.csv"
    path.write_bytes(make_csv(AMSTERDAM_2022))
    call_command("import_loneliness_figures", "--file", str(path))
    assert estimate("GM0599").lonely == D("48.0")
    assert "Tabel 50120NED ingelezen" in capsys.readouterr().out
    bad = tmp_path / "leeg.csv"
    bad.write_bytes(b"")
    with pytest.raises(CommandError, match="tabel"):
        call_command("import_loneliness_figures", "--file", str(bad))
    with pytest.raises(CommandError, match="leeg"):
        call_command("import_loneliness_figures", "--file", str(bad), "--table", "50150NED")


def test_the_command_fetches_one_municipality_online(monkeypatch):
    monkeypatch.setattr(
        cbsodata, "get_data", lambda table_id, **kw: api_records(AMSTERDAM_2022[:6], titles=TITLES)
    )
    call_command("import_loneliness_figures", "--online", "--municipality", "GM0363")
    assert estimate("WK036301").lonely == D("52.3")
    with pytest.raises(CommandError, match="--municipality"):
        call_command("import_loneliness_figures", "--online")

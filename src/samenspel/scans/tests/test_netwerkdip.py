"""The netwerkdip early warning: the pure rule on constructed data, and the selector."""

import datetime

import pytest
from django.urls import reverse

from samenspel.partners.models import PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans.netwerkdip import (
    Departure,
    DipInputs,
    DipLevel,
    Measurement,
    PartnerChange,
    Series,
    Signal,
    assess,
    gather_inputs,
    netwerkdip,
)
from samenspel.scans.tests.test_results import answer, make_round, pulse

TODAY = datetime.date(2026, 6, 1)
PULSE_TITLES = {"energy": "Energie", "attendance": "Opkomst", "delivery": "Voortgang"}
CONDITION_TITLES = {"ambition": "Ambitie van betekenis", "relations": "Persoonlijke relaties"}


def measurement(title, date, energy=3.8, attendance=3.8, delivery=3.8, n=6):
    return Measurement(
        title, date, n, {"energy": energy, "attendance": attendance, "delivery": delivery}
    )


def pulse_series(*rounds):
    return Series("pulse", "Pulscheck", PULSE_TITLES, list(rounds))


def conditions(*means):
    dates = [datetime.date(2025, 10, 1), datetime.date(2026, 4, 1)]
    return Series(
        "conditions",
        "Vijf condities voor samenwerking",
        CONDITION_TITLES,
        [
            Measurement(f"Ronde {i + 1}", dates[i], 8, {"ambition": m, "relations": 3.9})
            for i, m in enumerate(means)
        ],
    )


def healthy(**changes):
    data = {
        "today": TODAY,
        "pulse": pulse_series(
            measurement("Maart", datetime.date(2026, 3, 1), energy=3.8),
            measurement("Mei", datetime.date(2026, 5, 1), energy=3.9),
        ),
        "scans": [conditions(3.6, 3.7)],
        "partner_changes": [PartnerChange("Wijkteam Noord", "new_director", TODAY)],
        "departures": [],
        "partner_count": 12,
    }
    return DipInputs(**{**data, **changes})


def departure(name, date=datetime.date(2026, 4, 1), announced=False):
    return Departure(name, date, announced)


# The rule


def test_healthy_data_gives_no_signal():
    dip = assess(healthy())
    assert dip.level == DipLevel.NONE
    assert dip.evidence == []
    assert "§1.2.6" in dip.explanation


def test_no_data_at_all_gives_no_signal():
    assert assess(DipInputs(today=TODAY)).level == DipLevel.NONE


@pytest.mark.parametrize(
    ("changes", "signal", "evidence"),
    [
        pytest.param(
            {"pulse": pulse_series(measurement("Mei", datetime.date(2026, 5, 1), energy=2.8))},
            "pulse",
            "energie gemiddeld 2,8, onder 3,0",
            id="energy low, nothing to compare",
        ),
        pytest.param(
            {
                "pulse": pulse_series(
                    measurement("Maart", datetime.date(2026, 3, 1), attendance=3.8),
                    measurement("Mei", datetime.date(2026, 5, 1), attendance=3.2),
                )
            },
            "pulse",
            "Opkomst daalde van 3,8 in 'Maart' naar 3,2 in 'Mei' (−0,6)",
            id="attendance dropped",
        ),
        pytest.param(
            {"scans": [conditions(3.3, 2.8)]},  # 3.3 - 2.8 is 0.4999… in floating point
            "scan_drop",
            "'Ambitie van betekenis' daalde van 3,3 in 'Ronde 1' naar 2,8 in 'Ronde 2' (−0,5)",
            id="scan dropped by exactly the threshold",
        ),
        pytest.param(
            {
                "partner_changes": [
                    PartnerChange("Wijkteam Noord", "new_director", datetime.date(2026, 2, 1)),
                    PartnerChange("Welzijn Oost", "lost_subsidy", datetime.date(2026, 3, 15)),
                ]
            },
            "partner_changes",
            "Welzijn Oost: subsidie verloren (15 maart 2026).",
            id="two partner changes",
        ),
        pytest.param(
            {"departures": [departure("Bibliotheek"), departure("Sportclub", announced=True)]},
            "departures",
            "Sportclub: kondigde vertrek aan (1 april 2026).",
            id="two departures",
        ),
        pytest.param(
            {"departures": [departure("Bibliotheek")], "partner_count": 4},
            "departures",
            "1 van de 4 partners vertrok",
            id="a quarter of a small coalition left",
        ),
    ],
)
def test_one_signal_means_watch(changes, signal, evidence):
    dip = assess(healthy(**changes))
    assert dip.level == DipLevel.WATCH
    assert dip.signals == (signal,)
    assert any(evidence in line for line in dip.evidence), dip.evidence


def test_low_and_falling_energy_is_a_warning_on_its_own():
    dip = assess(
        healthy(
            pulse=pulse_series(
                measurement("Maart", datetime.date(2026, 3, 1), energy=3.2),
                measurement("Mei", datetime.date(2026, 5, 1), energy=2.6, n=7),
            )
        )
    )
    assert dip.level == DipLevel.WARNING
    assert dip.signals == ("pulse",)
    assert dip.evidence == [
        "Pulscheck 'Mei' (n = 7): energie gemiddeld 2,6, onder 3,0 en lager dan 3,2 in 'Maart'."
    ]
    assert "§1.2.6" in dip.explanation
    assert dip.label == "Waarschuwing"


def test_two_signals_together_are_a_warning():
    dip = assess(
        healthy(
            scans=[conditions(3.9, 3.2)],
            departures=[departure("Bibliotheek"), departure("Sportclub")],
        )
    )
    assert dip.level == DipLevel.WARNING
    assert dip.signals == ("scan_drop", "departures")
    assert "§1.2.4" in dip.explanation  # partners changing call for a conversation
    assert "Bibliotheek: vertrokken op 1 april 2026." in dip.evidence


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"scans": [conditions(3.6, 3.2)]}, id="scan drop below 0.5"),
        pytest.param(
            {"pulse": pulse_series(measurement("Mei", datetime.date(2026, 5, 1), energy=3.0))},
            id="energy exactly 3.0 is not low",
        ),
        pytest.param({"departures": [departure("Bibliotheek")]}, id="one of twelve left"),
        pytest.param(
            {
                "pulse": pulse_series(
                    measurement("2024", datetime.date(2024, 3, 1), energy=3.9),
                    measurement("2025", datetime.date(2025, 5, 1), energy=2.0),
                )
            },
            id="the last pulse check is more than a year old",
        ),
    ],
)
def test_below_the_thresholds_nothing_fires(changes):
    assert assess(healthy(**changes)).level == DipLevel.NONE


def test_the_rule_takes_more_detectors():
    """The extension point: another signal (e.g. meeting attendance) is one more detector."""

    def attendance(inputs):
        return Signal("meeting_attendance", ("Overleg 12 mei: 4 van 11 partners aanwezig.",))

    dip = assess(healthy(), detectors=[attendance])
    assert dip.level == DipLevel.WATCH
    assert dip.evidence == ["Overleg 12 mei: 4 van 11 partners aanwezig."]


# The selector


@pytest.mark.django_db
def test_gather_inputs_reads_the_coalitions_own_data(coalition, django_assert_num_queries):
    march = make_round(coalition, title="Maart", closes_on=datetime.date(2026, 3, 1))
    may = make_round(coalition, title="Mei", closes_on=datetime.date(2026, 5, 1))
    for _ in range(3):
        answer(march, pulse(4, 3, 4, 4))  # energy 3.5
        answer(may, pulse(2, 3, 4, 4))  # energy 2.5
    small = make_round(coalition, title="Te klein", closes_on=datetime.date(2026, 5, 20))
    answer(small, pulse(5, 5, 5, 5))  # anonymous, one answer: not counted
    wijkteam = PartnerFactory(coalition=coalition, name="Wijkteam Noord")
    bieb = PartnerFactory(
        coalition=coalition, name="Bibliotheek", left_on=datetime.date(2026, 4, 1)
    )
    PartnerFactory(coalition=coalition, name="Oud", left_on=datetime.date(2025, 1, 1))
    for partner, kind, date in [
        (wijkteam, "new_director", datetime.date(2026, 2, 1)),
        (wijkteam, "changed_motive", datetime.date(2026, 4, 1)),
        (wijkteam, "new_contact", datetime.date(2026, 4, 2)),  # not a change that counts
        (wijkteam, "lost_subsidy", datetime.date(2025, 6, 1)),  # too long ago
        (bieb, "leaving", datetime.date(2026, 3, 1)),
    ]:
        PartnerEvent.objects.create(partner=partner, kind=kind, date=date)
    other = PartnerFactory(name="Andere coalitie")
    PartnerEvent.objects.create(partner=other, kind="leaving", date=datetime.date(2026, 5, 1))

    with django_assert_num_queries(4):
        inputs = gather_inputs(coalition, today=TODAY)
    assert [m.title for m in inputs.pulse.rounds] == ["Maart", "Mei"]
    assert inputs.pulse.rounds[-1].means["energy"] == 2.5
    assert [(c.partner, c.kind) for c in inputs.partner_changes] == [
        ("Wijkteam Noord", "new_director"),
        ("Wijkteam Noord", "changed_motive"),
    ]
    # The library announced leaving and then left: one departure, the actual one.
    assert [(d.partner, d.announced) for d in inputs.departures] == [("Bibliotheek", False)]
    assert inputs.partner_count == 2  # Wijkteam and Bibliotheek; 'Oud' left before the window

    dip = netwerkdip(coalition, today=TODAY)
    assert dip.level == DipLevel.WARNING
    assert dip.signals == ("pulse", "partner_changes", "departures")


@pytest.mark.django_db
def test_the_health_page_shows_the_warning_and_its_evidence(coalition, reader_client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False)
    march = make_round(coalition, title="Maart", closes_on=datetime.date(2026, 3, 1))
    may = make_round(coalition, title="Mei", closes_on=datetime.date(2026, 5, 1))
    for _ in range(3):
        answer(march, pulse(4, 3, 4, 4))
        answer(may, pulse(2, 3, 4, 4))
    html = reader_client.get(reverse("scans:health", args=[coalition.uuid])).content.decode()
    assert "Netwerkdip" in html
    assert "Waarschuwing" in html
    assert "energie gemiddeld 2,5" in html
    assert reverse("guide:item", args=["phase_changes", "netwerkdip"]) in html

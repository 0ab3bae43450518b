"""Early warning of the *netwerkdip*: the period in which a network loses energy.

The handbook (Handreiking §1.2.6, figure 2, after Opheij & van Dijk 2019) describes how most
networks, after a start full of energy, go through a weaker period: not because partners do their
work badly, but because the network becomes less close and the energy drops. Recognised in time,
a new set-up, another way of working or a fresh partner can turn the curve up again. §1.2.4
('Partijen veranderen') adds that a new director, a lost subsidy or a changed motive can change
the whole playing field and calls for a conversation.

This module turns that into a documented rule over the coalition's own data:

- `assess(inputs)` is a pure function over plain data (`DipInputs`), easy to test and to explain;
- `gather_inputs(coalition)` collects that data in a fixed number of queries (at most four);
- `netwerkdip(coalition)` does both.

Signals (each detector below gives at most one `Signal`, with its evidence):

1. **pulse** — the latest pulse check (instrument `pulse`): energy below `ENERGY_LOW`, or energy,
   attendance or delivery down by `PULSE_DROP` or more since the previous pulse check. Energy
   below `ENERGY_LOW` *and* lower than the time before is a strong signal: a warning on its own.
2. **scan_drop** — a subscale of the five conditions or the success factors dropped by
   `SCAN_DROP` or more between the last two rounds of that scan.
3. **partner_changes** — at least `PARTNER_CHANGES_MIN` recorded changes at partners (new
   director, lost subsidy, changed motive) in the last `WINDOW_DAYS` days.
4. **departures** — partners who left, or announced that they are leaving, in the same window:
   at least `DEPARTURES_MIN`, or at least `DEPARTURE_SHARE` of the partners.

Level: **warning** when a strong signal fires or `WARNING_SIGNALS` signals co-occur; **watch**
when one signal fires; **none** otherwise. Only closed rounds with enough responses to be shown
count (see `results`), and a latest measurement older than `STALE_AFTER_DAYS` is ignored.

Extending the rule: every signal is one function `DipInputs -> Signal | None` in `DETECTORS`.
Meeting attendance (once meetings are recorded) becomes one more: add its data to `DipInputs`
(e.g. attendance per meeting), collect it in `gather_inputs`, and append the detector to
`DETECTORS`. The levels and the explanation need no change.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.partners.models import EventKind, Partner, PartnerEvent
from samenspel.scans.instruments import Instrument, latest_instruments
from samenspel.scans.results import RoundResults, decimal, latest_results, signed, trends

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition
    from samenspel.scans.results import Trend

# Thresholds. They are rules of thumb to start a conversation, not a diagnosis.

# Half a year: the handbook's changes in partners play out over months, and older events have
# usually been discussed (or absorbed) by now.
WINDOW_DAYS = 183
# A measurement older than a year says little about how the network is doing today.
STALE_AFTER_DAYS = 365
# On the pulse scale 3 is "gemiddeld": an average energy below the middle of the scale means most
# partners feel little energy.
ENERGY_LOW = 3.0
# Half a scale point between two pulse checks (or two scans) is more than the noise of a few
# respondents changing their answer by one point, and shows in the distribution.
PULSE_DROP = 0.5
SCAN_DROP = 0.5
# One change at a partner is ordinary network life (§1.2.5: "mensen komen en mensen gaan");
# two or more within half a year shake the playing field (§1.2.4).
PARTNER_CHANGES_MIN = 2
# Two departures in half a year, or a fifth of the partners (in a small coalition one departure
# can be that), make the network visibly less close.
DEPARTURES_MIN = 2
DEPARTURE_SHARE = 0.2
# Two independent signals at the same time are unlikely to be chance: a warning.
WARNING_SIGNALS = 2

PULSE = "pulse"
PULSE_SUBSCALES = ("energy", "attendance", "delivery")
SCANS = ("conditions", "success_factors")
CHANGE_KINDS = (EventKind.NEW_DIRECTOR, EventKind.LOST_SUBSIDY, EventKind.CHANGED_MOTIVE)
# Floating point: 3.3 - 2.8 is 0.49999999999999956. Differences are compared after rounding.
_PRECISION = 6


class DipLevel(models.TextChoices):
    NONE = "none", gettext_lazy("Geen signalen")
    WATCH = "watch", gettext_lazy("Opletten")
    WARNING = "warning", gettext_lazy("Waarschuwing")


# Inputs: plain data


@dataclass(frozen=True)
class Measurement:
    """One closed round with enough responses: its subscale means."""

    title: str
    date: datetime.date
    n: int
    means: Mapping[str, float | None]


@dataclass(frozen=True)
class Series:
    """The rounds of one instrument, oldest first."""

    key: str
    title: str
    subscale_titles: Mapping[str, str]
    rounds: Sequence[Measurement]


@dataclass(frozen=True)
class PartnerChange:
    partner: str
    kind: str  # an EventKind value
    date: datetime.date


@dataclass(frozen=True)
class Departure:
    partner: str
    date: datetime.date
    announced: bool  # True: a 'leaving' event; False: the partner has left


@dataclass(frozen=True)
class DipInputs:
    today: datetime.date
    pulse: Series | None = None
    scans: Sequence[Series] = ()
    partner_changes: Sequence[PartnerChange] = ()  # within the window
    departures: Sequence[Departure] = ()  # within the window, one per partner
    partner_count: int = 0  # partners at the start of the window (current plus left since)


# Output


@dataclass(frozen=True)
class Signal:
    key: str
    evidence: tuple[str, ...]
    strong: bool = False  # a warning on its own


@dataclass(frozen=True)
class DipSignal:
    level: str  # a DipLevel value
    evidence: list[str]
    explanation: str
    signals: tuple[str, ...] = field(default=())  # keys of the signals that fired

    @property
    def label(self) -> str:
        return str(DipLevel(self.level).label)


# Detectors


def _recent(series: Series | None, today: datetime.date) -> Sequence[Measurement]:
    if series is None or not series.rounds:
        return ()
    if (today - series.rounds[-1].date).days > STALE_AFTER_DAYS:
        return ()
    return series.rounds


def _dropped(before: float, now: float, threshold: float) -> bool:
    return round(before - now, _PRECISION) >= threshold


def pulse_signal(inputs: DipInputs) -> Signal | None:
    rounds = _recent(inputs.pulse, inputs.today)
    if not rounds or inputs.pulse is None:
        return None
    titles = inputs.pulse.subscale_titles
    latest = rounds[-1]
    previous = rounds[-2] if len(rounds) > 1 else None
    evidence: list[str] = []
    strong = False
    energy = latest.means.get("energy")
    before = previous.means.get("energy") if previous else None
    if energy is not None and round(energy, _PRECISION) < ENERGY_LOW:
        values = {
            "round": latest.title,
            "n": latest.n,
            "energy": decimal(energy),
            "low": decimal(ENERGY_LOW),
        }
        if previous is not None and before is not None and energy < before:
            strong = True
            evidence.append(
                _(
                    "Pulscheck '%(round)s' (n = %(n)s): energie gemiddeld %(energy)s, onder "
                    "%(low)s en lager dan %(before)s in '%(previous)s'."
                )
                % {**values, "before": decimal(before), "previous": previous.title}
            )
        else:
            evidence.append(
                _("Pulscheck '%(round)s' (n = %(n)s): energie gemiddeld %(energy)s, onder %(low)s.")
                % values
            )
    if previous is not None:
        for key in PULSE_SUBSCALES:
            now, then = latest.means.get(key), previous.means.get(key)
            if now is None or then is None or (key == "energy" and strong):
                continue
            if not _dropped(then, now, PULSE_DROP):
                continue
            evidence.append(
                _(
                    "Pulscheck: %(subscale)s daalde van %(then)s in '%(previous)s' naar %(now)s "
                    "in '%(round)s' (%(delta)s)."
                )
                % {
                    "subscale": titles.get(key, key),
                    "then": decimal(then),
                    "now": decimal(now),
                    "previous": previous.title,
                    "round": latest.title,
                    "delta": signed(now - then),
                }
            )
    return Signal("pulse", tuple(evidence), strong) if evidence else None


def scan_drop_signal(inputs: DipInputs) -> Signal | None:
    evidence: list[str] = []
    for series in inputs.scans:
        rounds = _recent(series, inputs.today)
        if len(rounds) < 2:
            continue
        previous, latest = rounds[-2], rounds[-1]
        for key, title in series.subscale_titles.items():
            then, now = previous.means.get(key), latest.means.get(key)
            if now is None or then is None or not _dropped(then, now, SCAN_DROP):
                continue
            evidence.append(
                _(
                    "%(scan)s: '%(subscale)s' daalde van %(then)s in '%(previous)s' naar %(now)s "
                    "in '%(round)s' (%(delta)s)."
                )
                % {
                    "scan": series.title,
                    "subscale": title,
                    "then": decimal(then),
                    "now": decimal(now),
                    "previous": previous.title,
                    "round": latest.title,
                    "delta": signed(now - then),
                }
            )
    return Signal("scan_drop", tuple(evidence)) if evidence else None


def _date(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def partner_changes_signal(inputs: DipInputs) -> Signal | None:
    changes = sorted(inputs.partner_changes, key=lambda change: change.date)
    if len(changes) < PARTNER_CHANGES_MIN:
        return None
    summary = ngettext(
        "%(n)s verandering bij partners in het afgelopen half jaar:",
        "%(n)s veranderingen bij partners in het afgelopen half jaar:",
        len(changes),
    ) % {"n": len(changes)}
    lines = [
        _("%(partner)s: %(kind)s (%(date)s).")
        % {
            "partner": change.partner,
            "kind": str(EventKind(change.kind).label).lower(),
            "date": _date(change.date),
        }
        for change in changes
    ]
    return Signal("partner_changes", (summary, *lines))


def departures_signal(inputs: DipInputs) -> Signal | None:
    departures = sorted(inputs.departures, key=lambda departure: departure.date)
    count = len(departures)
    if not count:
        return None
    share = count / inputs.partner_count if inputs.partner_count else 1.0
    if count < DEPARTURES_MIN and round(share, _PRECISION) < DEPARTURE_SHARE:
        return None
    summary = ngettext(
        "%(n)s van de %(total)s partners vertrok of kondigde vertrek aan in het afgelopen half "
        "jaar:",
        "%(n)s van de %(total)s partners vertrokken of kondigden vertrek aan in het afgelopen "
        "half jaar:",
        count,
    ) % {"n": count, "total": max(inputs.partner_count, count)}
    lines = [
        (
            _("%(partner)s: kondigde vertrek aan (%(date)s).")
            if departure.announced
            else _("%(partner)s: vertrokken op %(date)s.")
        )
        % {"partner": departure.partner, "date": _date(departure.date)}
        for departure in departures
    ]
    return Signal("departures", (summary, *lines))


Detector = Callable[[DipInputs], Signal | None]
DETECTORS: tuple[Detector, ...] = (
    pulse_signal,
    scan_drop_signal,
    partner_changes_signal,
    departures_signal,
)


# The rule


def assess(inputs: DipInputs, detectors: Sequence[Detector] = DETECTORS) -> DipSignal:
    signals = [signal for detect in detectors if (signal := detect(inputs)) is not None]
    if any(signal.strong for signal in signals) or len(signals) >= WARNING_SIGNALS:
        level = DipLevel.WARNING
    elif signals:
        level = DipLevel.WATCH
    else:
        level = DipLevel.NONE
    keys = tuple(signal.key for signal in signals)
    return DipSignal(
        level=level.value,
        evidence=[line for signal in signals for line in signal.evidence],
        explanation=explain(level, keys),
        signals=keys,
    )


def explain(level: DipLevel, signals: Sequence[str] = ()) -> str:
    if level == DipLevel.NONE:
        text = _(
            "De gegevens van het afgelopen half jaar laten geen tekenen van een netwerkdip zien. "
            "Vrijwel elk netwerk krijgt vroeg of laat een periode waarin het minder hecht wordt "
            "en de energie afneemt (Handreiking §1.2.6, figuur 2); een pulscheck af en toe laat "
            "zien of dat begint."
        )
    elif level == DipLevel.WATCH:
        text = _(
            "Er is één teken dat de energie in het netwerk terugloopt. Dat is nog geen dip, maar "
            "wel een reden om het in het volgende overleg te benoemen en te vragen of partners "
            "het herkennen. Volgens de handreiking ligt zo'n terugloop zelden aan het werk van "
            "de partners, maar meestal aan een netwerk dat minder hecht wordt (§1.2.6, figuur 2)."
        )
    else:
        text = _(
            "Meerdere tekenen wijzen op een netwerkdip (Handreiking §1.2.6, figuur 2): de energie "
            "in de samenwerking neemt af. Maak dat bespreekbaar en kies samen een impuls: een "
            "andere inrichting, een andere werkwijze of een nieuwe partner kan de dalende lijn "
            "weer laten stijgen."
        )
    if {"partner_changes", "departures"} & set(signals):
        text += " " + _(
            "Veranderingen bij partners vragen om een gesprek, zodat niemand ongemerkt afhaakt "
            "(Handreiking §1.2.4, 'Partijen veranderen')."
        )
    return text


# Gathering the inputs


def _series(trend: Trend) -> Series:
    instrument = trend.instrument
    return Series(
        key=instrument.key,
        title=instrument.title,
        subscale_titles={subscale.key: subscale.title for subscale in instrument.subscales},
        rounds=[
            Measurement(
                title=point.round.title,
                date=point.round.closes_on,
                n=point.submitted,
                means=dict(point.means),
            )
            for point in trend.points
            if point.enough
        ],
    )


def gather_inputs(coalition: Coalition, *, today: datetime.date | None = None) -> DipInputs:
    """The data the rule looks at, in at most four queries (three without closed rounds)."""
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=WINDOW_DAYS)
    available = {instrument.key for instrument in latest_instruments()}
    wanted = [key for key in (PULSE, *SCANS) if key in available]
    series = {key: _series(found) for key, found in trends(coalition, wanted).items()}

    events = (
        PartnerEvent.objects.of_coalition(coalition)
        .filter(
            date__gt=start,
            date__lte=today,
            kind__in=[*CHANGE_KINDS, EventKind.LEAVING],
        )
        .values_list("partner_id", "partner__name", "kind", "date")
    )
    changes: list[PartnerChange] = []
    departures: dict[int, Departure] = {}
    for partner_id, name, kind, date in events.order_by("date", "pk"):
        if kind == EventKind.LEAVING:
            departures.setdefault(partner_id, Departure(name, date, announced=True))
        else:
            changes.append(PartnerChange(name, kind, date))
    partner_count = 0
    for partner_id, name, left_on in Partner.objects.of_coalition(coalition).values_list(
        "pk", "name", "left_on"
    ):
        if left_on is None or left_on > start:
            partner_count += 1
        if left_on is not None and start < left_on <= today:
            departures[partner_id] = Departure(name, left_on, announced=False)
    return DipInputs(
        today=today,
        pulse=series.get(PULSE),
        scans=[series[key] for key in SCANS if key in series],
        partner_changes=changes,
        departures=list(departures.values()),
        partner_count=partner_count,
    )


def netwerkdip(coalition: Coalition, *, today: datetime.date | None = None) -> DipSignal:
    """The netwerkdip status of a coalition, with its evidence."""
    return assess(gather_inputs(coalition, today=today))


# The health of the collaboration


@dataclass(frozen=True)
class HealthCard:
    instrument: Instrument
    latest: RoundResults | None  # the latest closed round with enough responses


@dataclass(frozen=True)
class Health:
    instruments: tuple[HealthCard, ...]
    netwerkdip: DipSignal


def health(coalition: Coalition) -> Health:
    """Per instrument (newest versions) its latest results, and the netwerkdip status."""
    latest = latest_results(coalition)
    return Health(
        instruments=tuple(
            HealthCard(instrument, latest.get(instrument.key))
            for instrument in latest_instruments()
        ),
        netwerkdip=netwerkdip(coalition),
    )

"""Serializers of the scans API.

Instruments, rounds and results are read models over plain objects (`Instrument`,
`RoundResults`, `Trend`, `DipSignal`); writes are validated for shape here and decided by
`samenspel.scans.services`. Nothing here ever carries one respondent's answers, except the
respondent's own draft behind their personal link.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.coalitions.api.serializers import PartnerRefSerializer
from samenspel.core.api.fields import CharField, DateTimeField, ModelSerializer
from samenspel.core.api.schema import EnumField
from samenspel.scans.instruments import AUDIENCES, Instrument, Scale, all_versions, get_instrument
from samenspel.scans.models import ResponseStatus, Round, RoundStatus
from samenspel.scans.netwerkdip import DipLevel
from samenspel.scans.results import RoundResults, SubscaleResult
from samenspel.scans.scoring import Aggregate

# Guide links


def guide_url(section: str | None, item: str | None) -> str | None:
    """The guide page a question or subscale refers to; None when there is none."""
    if not section:
        return None
    try:
        if item:
            return reverse("guide:item", kwargs={"section": section, "item": item})
        return reverse("guide:section", kwargs={"section": section})
    except NoReverseMatch:
        return None


class GuideLinkSerializer(serializers.Serializer):
    section = CharField(help_text=_("Sleutel van het hoofdstuk in de gids."))
    item = CharField(
        allow_null=True, help_text=_("Sleutel van het onderwerp; null: het hele hoofdstuk.")
    )
    url = CharField(allow_null=True, help_text=_("De pagina in de gids."))


def guide_link(section: str | None, item: str | None) -> dict[str, Any] | None:
    if not section:
        return None
    return {"section": section, "item": item, "url": guide_url(section, item)}


# Instruments


class ScalePointSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = CharField()  # type: ignore[assignment]


class ScaleSerializer(serializers.Serializer):
    key = CharField()
    min = serializers.IntegerField()
    max = serializers.IntegerField()
    points = ScalePointSerializer(many=True)
    dont_know_label = CharField(
        allow_null=True,
        help_text=_("Label van 'weet ik niet' (antwoord null); null als de schaal het niet kent."),
    )


class SubscaleSerializer(serializers.Serializer):
    key = CharField()
    title = CharField()
    description = CharField()
    guide = serializers.SerializerMethodField()

    @extend_schema_field(GuideLinkSerializer(allow_null=True))
    def get_guide(self, subscale: Any) -> dict[str, Any] | None:
        return guide_link(subscale.guide_section, subscale.guide_item)


class InstrumentItemSerializer(serializers.Serializer):
    key = CharField()
    subscale = CharField()
    text = CharField()
    reverse = serializers.BooleanField(
        help_text=_("Negatief geformuleerd: 'eens' telt als laag (omgekeerd gescoord).")
    )
    guide = serializers.SerializerMethodField()

    @extend_schema_field(GuideLinkSerializer(allow_null=True))
    def get_guide(self, item: Any) -> dict[str, Any] | None:
        return guide_link(item.guide_section, item.guide_item)


class InstrumentSerializer(serializers.Serializer):
    key = CharField()
    version = serializers.IntegerField()
    title = CharField()
    intro = CharField()
    audience = CharField(help_text=_("Voor wie: `partners` of `coordination`."))
    audience_label = serializers.SerializerMethodField()
    source = CharField()  # type: ignore[assignment]
    versions = serializers.SerializerMethodField(help_text=_("Alle versies, oplopend."))
    scale = ScaleSerializer()
    subscales = SubscaleSerializer(many=True)
    items = InstrumentItemSerializer(many=True)

    def get_audience_label(self, instrument: Instrument) -> str:
        return str(AUDIENCES.get(instrument.audience, instrument.audience))

    def get_versions(self, instrument: Instrument) -> list[int]:
        return all_versions(instrument.key)


# Rounds


class RoundSerializer(ModelSerializer):
    instrument_title = serializers.SerializerMethodField()
    status = EnumField(RoundStatus, read_only=True)
    status_label = CharField(source="get_status_display", read_only=True)
    accepting_answers = serializers.BooleanField(source="is_accepting_answers", read_only=True)
    invited = serializers.IntegerField(
        source="n_invited", read_only=True, help_text=_("Uitgenodigde respondenten.")
    )
    responded = serializers.IntegerField(
        source="n_responded", read_only=True, help_text=_("Respondenten die antwoordden.")
    )
    submitted = serializers.IntegerField(
        source="n_submitted", read_only=True, help_text=_("Ingediende antwoordensets.")
    )

    class Meta:
        model = Round
        fields = [
            "uuid", "instrument_key", "instrument_version", "instrument_title", "title",
            "anonymous", "closes_on", "status", "status_label", "accepting_answers", "invited",
            "responded", "submitted", "opened_at", "closed_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CharField(allow_null=True))
    def get_instrument_title(self, scan_round: Round) -> str | None:
        instrument = _instrument_of(scan_round)
        return instrument.title if instrument else None


def _instrument_of(scan_round: Round) -> Instrument | None:
    try:
        return get_instrument(scan_round.instrument_key, scan_round.instrument_version)
    except KeyError:
        return None


class RoundCreateSerializer(serializers.Serializer):
    instrument_key = CharField(max_length=40, label=_("vragenlijst"))
    title = CharField(max_length=150, label=_("titel"))
    anonymous = serializers.BooleanField(default=True, label=_("anoniem"))
    closes_on = serializers.DateField(label=_("sluitdatum"))
    contacts = serializers.ListField(
        child=serializers.UUIDField(),
        allow_empty=False,
        label=_("contactpersonen"),
        help_text=_("UUID's van contactpersonen van partners van deze coalitie."),
        error_messages={
            "empty": _("Kies ten minste één contactpersoon met een e-mailadres."),
        },
    )


class RoundRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = CharField()
    closes_on = serializers.DateField()
    closed_at = DateTimeField(allow_null=True)


class RespondentSerializer(serializers.Serializer):
    """Who was invited and whether they answered; never what they answered."""

    uuid = serializers.UUIDField()
    name = CharField()
    partner = PartnerRefSerializer()
    responded = serializers.BooleanField()
    invited_at = DateTimeField(allow_null=True)
    reminded_at = DateTimeField(allow_null=True)


# Results


class DistributionSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class AggregateSerializer(serializers.Serializer):
    n = serializers.IntegerField()
    mean = serializers.FloatField()
    sd = serializers.FloatField(help_text=_("Standaardafwijking (populatie)."))
    share_low = serializers.FloatField()
    share_high = serializers.FloatField()
    disagreement = serializers.BooleanField(
        help_text=_("Respondenten liggen ver uiteen (sd ≥ 1 of twee kampen): bespreek het.")
    )
    distribution = DistributionSerializer(many=True)


def aggregate_data(aggregate: Aggregate | None, scale: Scale) -> dict[str, Any] | None:
    if aggregate is None:
        return None
    return {
        "n": aggregate.n,
        "mean": aggregate.mean,
        "sd": aggregate.sd,
        "share_low": aggregate.share_low,
        "share_high": aggregate.share_high,
        "disagreement": aggregate.disagreement,
        "distribution": [
            {
                "value": point.value,
                "label": point.label,
                "count": aggregate.distribution.get(point.value, 0),
            }
            for point in scale.points
        ],
    }


class BreakdownGroupSerializer(serializers.Serializer):
    key = CharField(
        help_text=_("Soort partner of cirkel; `__overig__`: kleine groepen samengevoegd.")
    )
    label = CharField()  # type: ignore[assignment]
    aggregate = AggregateSerializer()


class ItemResultSerializer(serializers.Serializer):
    key = CharField()
    text = CharField()
    reverse = serializers.BooleanField()
    aggregate = AggregateSerializer(allow_null=True)
    dont_know = serializers.IntegerField(help_text=_("Aantal keer 'weet ik niet'."))


class PreviousSerializer(serializers.Serializer):
    mean = serializers.FloatField()
    n = serializers.IntegerField()


class SubscaleResultSerializer(serializers.Serializer):
    key = CharField()
    title = CharField()
    description = CharField()
    guide = GuideLinkSerializer(allow_null=True)
    aggregate = AggregateSerializer(allow_null=True)
    previous = PreviousSerializer(allow_null=True, help_text=_("De vorige gesloten ronde."))
    delta = serializers.FloatField(allow_null=True, help_text=_("Verschil met de vorige ronde."))
    direction = CharField(help_text=_("`up`, `down`, `same` of leeg."))
    by_kind = BreakdownGroupSerializer(
        many=True, help_text=_("Per soort partner, kleine groepen samen.")
    )
    by_circle = BreakdownGroupSerializer(
        many=True, help_text=_("Per cirkel, kleine groepen samen.")
    )
    items = ItemResultSerializer(many=True)


class InstrumentRefSerializer(serializers.Serializer):
    key = CharField()
    version = serializers.IntegerField()
    title = CharField()


class RoundResultsSerializer(serializers.Serializer):
    round = RoundRefSerializer()
    instrument = InstrumentRefSerializer()
    scale = ScaleSerializer()
    invited = serializers.IntegerField()
    submitted = serializers.IntegerField()
    response_rate = serializers.FloatField(allow_null=True)
    enough = serializers.BooleanField(
        help_text=_("Onwaar: te weinig antwoorden om iets te tonen (anonieme ronde).")
    )
    min_responses = serializers.IntegerField()
    missing_for_anonymity = serializers.IntegerField()
    provisional = serializers.BooleanField(help_text=_("De ronde is nog niet gesloten."))
    previous_round = RoundRefSerializer(allow_null=True)
    unscored = serializers.IntegerField()
    disagreements = serializers.ListField(
        child=CharField(), help_text=_("Onderdelen waarover men het oneens is.")
    )
    subscales = SubscaleResultSerializer(many=True)


def _round_ref(scan_round: Round | None) -> dict[str, Any] | None:
    if scan_round is None:
        return None
    return {
        "uuid": scan_round.uuid,
        "title": scan_round.title,
        "closes_on": scan_round.closes_on,
        "closed_at": scan_round.closed_at,
    }


def _scale_data(scale: Scale) -> dict[str, Any]:
    return {
        "key": scale.key,
        "min": scale.min,
        "max": scale.max,
        "points": [{"value": p.value, "label": p.label} for p in scale.points],
        "dont_know_label": scale.dont_know_label,
    }


def _subscale_result(result: SubscaleResult, scale: Scale) -> dict[str, Any]:
    subscale = result.subscale
    return {
        "key": subscale.key,
        "title": subscale.title,
        "description": subscale.description,
        "guide": guide_link(subscale.guide_section, subscale.guide_item),
        "aggregate": aggregate_data(result.aggregate, scale),
        "previous": (
            {"mean": result.previous.mean, "n": result.previous.n} if result.previous else None
        ),
        "delta": result.delta,
        "direction": result.direction,
        "by_kind": [
            {"key": g.key, "label": g.label, "aggregate": aggregate_data(g.aggregate, scale)}
            for g in result.by_kind
        ],
        "by_circle": [
            {"key": g.key, "label": g.label, "aggregate": aggregate_data(g.aggregate, scale)}
            for g in result.by_circle
        ],
        "items": [
            {
                "key": r.item.key,
                "text": r.item.text,
                "reverse": r.item.reverse,
                "aggregate": aggregate_data(r.aggregate, scale),
                "dont_know": r.dont_know,
            }
            for r in result.items
        ],
    }


def results_data(results: RoundResults, min_responses: int) -> dict[str, Any]:
    instrument = results.instrument
    return {
        "round": _round_ref(results.round),
        "instrument": {
            "key": instrument.key,
            "version": instrument.version,
            "title": instrument.title,
        },
        "scale": _scale_data(instrument.scale),
        "invited": results.invited,
        "submitted": results.submitted,
        "response_rate": results.response_rate,
        "enough": results.enough,
        "min_responses": min_responses,
        "missing_for_anonymity": results.missing_for_anonymity,
        "provisional": results.is_provisional,
        "previous_round": _round_ref(results.previous_round),
        "unscored": results.unscored,
        "disagreements": [r.subscale.key for r in results.disagreements],
        "subscales": [_subscale_result(r, instrument.scale) for r in results.subscales],
    }


# Trends


class TrendValueSerializer(serializers.Serializer):
    subscale = CharField()
    mean = serializers.FloatField(allow_null=True)
    n = serializers.IntegerField()


class TrendPointSerializer(serializers.Serializer):
    round = RoundRefSerializer()
    submitted = serializers.IntegerField()
    enough = serializers.BooleanField(help_text=_("Onwaar: te weinig antwoorden (een gat)."))
    values = TrendValueSerializer(many=True)


class TrendSubscaleSerializer(serializers.Serializer):
    key = CharField()
    title = CharField()


class TrendSerializer(serializers.Serializer):
    instrument = InstrumentRefSerializer()
    subscales = TrendSubscaleSerializer(many=True)
    points = TrendPointSerializer(many=True, help_text=_("Gesloten rondes, oudste eerst."))


def trend_data(found: Any) -> dict[str, Any]:
    instrument = found.instrument
    return {
        "instrument": {
            "key": instrument.key,
            "version": instrument.version,
            "title": instrument.title,
        },
        "subscales": [{"key": s.key, "title": s.title} for s in instrument.subscales],
        "points": [
            {
                "round": _round_ref(point.round),
                "submitted": point.submitted,
                "enough": point.enough,
                "values": [
                    {
                        "subscale": key,
                        "mean": point.means.get(key),
                        "n": point.ns.get(key, 0),
                    }
                    for key in instrument.subscale_keys
                ],
            }
            for point in found.points
        ],
    }


# Health


class HealthSubscaleSerializer(serializers.Serializer):
    key = CharField()
    title = CharField()
    mean = serializers.FloatField(allow_null=True)
    sd = serializers.FloatField(allow_null=True)
    n = serializers.IntegerField()
    disagreement = serializers.BooleanField()
    delta = serializers.FloatField(allow_null=True)
    direction = CharField()


class HealthResultsSerializer(serializers.Serializer):
    round = RoundRefSerializer()
    submitted = serializers.IntegerField()
    invited = serializers.IntegerField()
    previous_round = RoundRefSerializer(allow_null=True)
    subscales = HealthSubscaleSerializer(many=True)


class HealthCardSerializer(serializers.Serializer):
    instrument = InstrumentRefSerializer()
    latest = HealthResultsSerializer(
        allow_null=True, help_text=_("De laatste gesloten ronde met genoeg antwoorden.")
    )


class DipSerializer(serializers.Serializer):
    level = EnumField(DipLevel)
    label = CharField()  # type: ignore[assignment]
    signals = serializers.ListField(
        child=CharField(),
        help_text=_("`pulse`, `scan_drop`, `partner_changes`, `departures`."),
    )
    evidence = serializers.ListField(child=CharField())
    explanation = CharField()


class HealthSerializer(serializers.Serializer):
    instruments = HealthCardSerializer(many=True)
    netwerkdip = DipSerializer()


def health_results(results: RoundResults | None) -> dict[str, Any] | None:
    if results is None:
        return None
    return {
        "round": _round_ref(results.round),
        "submitted": results.submitted,
        "invited": results.invited,
        "previous_round": _round_ref(results.previous_round),
        "subscales": [
            {
                "key": r.subscale.key,
                "title": r.subscale.title,
                "mean": r.aggregate.mean if r.aggregate else None,
                "sd": r.aggregate.sd if r.aggregate else None,
                "n": r.aggregate.n if r.aggregate else 0,
                "disagreement": r.disagreement,
                "delta": r.delta,
                "direction": r.direction,
            }
            for r in results.subscales
        ],
    }


# The respondent's questionnaire


class QuestionnaireSerializer(serializers.Serializer):
    """What a respondent sees behind their personal link."""

    round_title = CharField()
    coalition_name = CharField()
    anonymous = serializers.BooleanField(help_text=_("Anoniem: niemand ziet wie wat antwoordde."))
    closes_on = serializers.DateField(help_text=_("Tot en met deze dag kan worden geantwoord."))
    instrument = InstrumentSerializer(help_text=_("De versie van deze ronde."))
    answers = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text=_(
            "Tussentijds opgeslagen antwoorden: {vraag: waarde, of null voor 'weet ik niet'}."
        ),
    )
    has_draft = serializers.BooleanField()


class AnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        label=_("antwoorden"),
        help_text=_(
            "{vraag: waarde op de schaal, of null voor 'weet ik niet'}. Een ontbrekende vraag is "
            "niet beantwoord; dat mag alleen bij tussentijds opslaan."
        ),
    )
    instrument_version = serializers.IntegerField(
        label=_("versie van de vragenlijst"),
        help_text=_("De versie die de respondent zag (`instrument.version`)."),
    )
    submit = serializers.BooleanField(
        default=False,
        help_text=_("Waar: versturen (dan tellen de antwoorden mee). Onwaar: tussentijds opslaan."),
    )


class SavedAnswersSerializer(serializers.Serializer):
    status = EnumField(ResponseStatus)
    answers = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    submitted_on = serializers.DateField(allow_null=True)

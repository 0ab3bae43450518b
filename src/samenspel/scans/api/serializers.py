"""Serializers of the scans API.

Instruments, rounds and results are read models over plain objects (`Instrument`,
`RoundResults`, `Trend`, `DipSignal`); writes are validated for shape here and decided by
`samenspel.scans.services`. Nothing here ever carries one respondent's answers, except the
respondent's own draft behind their personal link.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.coalitions.api.serializers import PartnerRefSerializer
from samenspel.core.api.fields import CharField, DateTimeField, ModelSerializer
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.scans.instruments import AUDIENCES, Instrument, all_versions, get_instrument
from samenspel.scans.models import ResponseStatus, Round, RoundStatus
from samenspel.scans.netwerkdip import DipLevel
from samenspel.scans.results import distribution
from samenspel.scans.scoring import Aggregate

# Guide links


class GuideLinkSerializer(serializers.Serializer):
    section = CharField(help_text=_("Sleutel van het hoofdstuk in de gids."))
    item = CharField(
        allow_null=True, help_text=_("Sleutel van het onderwerp; null: het hele hoofdstuk.")
    )
    url = CharField(allow_null=True, help_text=_("De pagina in de gids."))


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
    guide = GuideLinkSerializer(allow_null=True, read_only=True)


class InstrumentItemSerializer(serializers.Serializer):
    key = CharField()
    subscale = CharField()
    text = CharField()
    reverse = serializers.BooleanField(
        help_text=_("Negatief geformuleerd: 'eens' telt als laag (omgekeerd gescoord).")
    )
    guide = GuideLinkSerializer(allow_null=True, read_only=True)


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


class RoundCreateSerializer(InputSerializer):
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


# Needs the scale of the scores as `scale` in the context, for the labels of the distribution.
class AggregateSerializer(serializers.Serializer):
    n = serializers.IntegerField()
    mean = serializers.FloatField()
    sd = serializers.FloatField(help_text=_("Standaardafwijking (populatie)."))
    share_low = serializers.FloatField()
    share_high = serializers.FloatField()
    disagreement = serializers.BooleanField(
        help_text=_("Respondenten liggen ver uiteen (sd ≥ 1 of twee kampen): bespreek het.")
    )
    distribution = serializers.SerializerMethodField()

    @extend_schema_field(DistributionSerializer(many=True))
    def get_distribution(self, aggregate: Aggregate) -> Any:
        points = distribution(aggregate, self.context["scale"])
        return DistributionSerializer(points, many=True).data


class BreakdownGroupSerializer(serializers.Serializer):
    key = CharField(
        help_text=_("Soort partner of cirkel; `__overig__`: kleine groepen samengevoegd.")
    )
    label = CharField()  # type: ignore[assignment]
    aggregate = AggregateSerializer()


class ItemResultSerializer(serializers.Serializer):
    key = CharField(source="item.key")
    text = CharField(source="item.text")
    reverse = serializers.BooleanField(source="item.reverse")
    aggregate = AggregateSerializer(allow_null=True)
    dont_know = serializers.IntegerField(help_text=_("Aantal keer 'weet ik niet'."))


class PreviousSerializer(serializers.Serializer):
    mean = serializers.FloatField()
    n = serializers.IntegerField()


class SubscaleResultSerializer(serializers.Serializer):
    key = CharField(source="subscale.key")
    title = CharField(source="subscale.title")
    description = CharField(source="subscale.description")
    guide = GuideLinkSerializer(source="subscale.guide", allow_null=True)
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


# Needs the instrument's scale as `scale` in the context (see `AggregateSerializer`).
class RoundResultsSerializer(serializers.Serializer):
    round = RoundRefSerializer()
    instrument = InstrumentRefSerializer()
    scale = ScaleSerializer(source="instrument.scale")
    invited = serializers.IntegerField()
    submitted = serializers.IntegerField()
    response_rate = serializers.FloatField(allow_null=True)
    enough = serializers.BooleanField(
        help_text=_("Onwaar: te weinig antwoorden om iets te tonen (anonieme ronde).")
    )
    min_responses = serializers.IntegerField()
    missing_for_anonymity = serializers.IntegerField()
    provisional = serializers.BooleanField(
        source="is_provisional", help_text=_("De ronde is nog niet gesloten.")
    )
    previous_round = RoundRefSerializer(allow_null=True)
    unscored = serializers.IntegerField()
    disagreements = serializers.ListField(
        source="disagreement_keys",
        child=CharField(),
        help_text=_("Onderdelen waarover men het oneens is."),
    )
    subscales = SubscaleResultSerializer(many=True)


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
    subscales = TrendSubscaleSerializer(many=True, source="instrument.subscales")
    points = TrendPointSerializer(many=True, help_text=_("Gesloten rondes, oudste eerst."))


# Health


class HealthSubscaleSerializer(serializers.Serializer):
    key = CharField(source="subscale.key")
    title = CharField(source="subscale.title")
    mean = serializers.FloatField(source="aggregate.mean", allow_null=True)
    sd = serializers.FloatField(source="aggregate.sd", allow_null=True)
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


class AnswersSerializer(InputSerializer):
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

"""API v1 for signals of loneliness, under the rules of the pages (docs/privacy.md, part A).

- A signal exists only for the members of the organisation that holds it (the intake
  organisation while it triages, the handling organisation from the handover on):
  `selectors.signal_for` reads through `visible_to`, so for everyone else it is a 404.
- Every route of one signal then needs a second factor, as its pages do: a token issued with
  `otp`, or a session that passed one (403 otherwise).
- Every read of personal data (the signal, the inzage export) is logged as the pages log it.
- The list and the answers to steps show no personal field; the coalition sees only the
  suppressed figures (`figures.coalition_figures`).

Every write is one call to `samenspel.signals.services`, whose Dutch errors come back as
problem+json at their fields.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.authentication import passed_second_factor
from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.signals import inzage, selectors, services
from samenspel.signals.api.serializers import (
    ConsentSerializer,
    FigureTableSerializer,
    HandoverCreateSerializer,
    HandoverDecisionSerializer,
    ReadSerializer,
    RecordSignalSerializer,
    ReferralSerializer,
    SettingsSerializer,
    SignalDetailSerializer,
    SignalListSerializer,
    StepSerializer,
)
from samenspel.signals.figures import coalition_figures
from samenspel.signals.models import Consent, Signal, SignalSettings

TAG = "signals"
NEED_SECOND_FACTOR = _(
    "Persoonsgegevens van inwoners vragen een tweede factor: vraag een token aan met de code "
    "uit uw authenticator-app (otp)."
)
# The same purposes as the pages write in the read log.
READ_SIGNAL = "signaal bekeken"
READ_EXPORT = "inzage-export"


class SignalsApiMixin(CoalitionEndpoint):
    model: type[Model] = Signal
    permission = Permission.VIEW_COALITION


class OneSignalMixin(SignalsApiMixin):
    """A route of one signal: the signal first (404 for everyone but its holder), then the
    second factor (403), as on the signal's pages."""

    signal: Signal

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.signal = selectors.signal_for(self.membership, kwargs["signal"])
        if not passed_second_factor(request):
            raise exceptions.PermissionDenied(NEED_SECOND_FACTOR)

    def log_read(self, purpose: str) -> None:
        selectors.log_personal_read(self.request._request, self.signal, purpose)

    def answer(self, signal: Signal, code: int = status.HTTP_200_OK) -> Response:
        """A step's answer: where the signal stands now, without personal fields."""
        return Response(SignalListSerializer(signal).data, status=code)


def doc(summary: str, description: str = "", **kwargs: Any) -> Any:
    """The OpenAPI description of one operation of this API."""
    return extend_schema(tags=[TAG], summary=summary, description=description, **kwargs)


def step(summary: str, description: str, request: Any = None) -> Any:
    """Declares a step endpoint: its input serializer (`request`, none for a step without
    input) and its OpenAPI description; a step answers with where the signal stands now
    (`SignalListSerializer`)."""
    document = doc(summary, description, request=request, responses=SignalListSerializer)

    def decorate(view: type[OneSignalMixin]) -> type[OneSignalMixin]:
        if request is not None:
            view.serializer_class = request
        return cast(type[OneSignalMixin], document(view))

    return decorate


@extend_schema_view(
    get=doc(
        "Signalen van mijn organisatie",
        "De signalen die uw organisatie in handen heeft (om te triëren of te behandelen), "
        "eerste deadline eerst; zonder persoonsgegevens. Voor andere leden een lege lijst.",
    ),
    post=doc(
        "Signaal vastleggen",
        "Alleen namens een partnerorganisatie. Het signaal gaat naar de intake-organisatie; "
        "het antwoord toont alleen de status. Gaf de inwoner toestemming, geef dan "
        "`consent_purposes` en `consent_method` mee.",
        request=RecordSignalSerializer,
        responses={201: SignalListSerializer},
    ),
)
class SignalListCreate(SignalsApiMixin, generics.ListCreateAPIView):
    serializer_class = SignalListSerializer

    def rows(self) -> QuerySet[Signal]:
        return selectors.held_signals(self.membership)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if self.membership.partner_id is None:
            raise exceptions.PermissionDenied(services.NOT_FOR_PARTNER)
        serializer = RecordSignalSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        signal = services.record_signal(
            self.membership, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(SignalListSerializer(signal).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=doc("Instellingen voor signalen", "De intake-organisatie en het meldpunt."),
    patch=doc(
        "Instellingen voor signalen opslaan",
        "De eerste keer met een intake-organisatie: zonder die kan niemand signalen vastleggen.",
    ),
)
class SignalSettingsDetail(
    SignalsApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView
):
    """The coalition's one settings row; 404 until it is first saved."""

    model = SignalSettings
    serializer_class = SettingsSerializer
    permission = Permission.EDIT_COALITION
    http_method_names = ["get", "patch", "head", "options"]

    def object_lookup(self) -> dict[str, Any]:
        return {}

    def lock_object(self) -> None:
        self.visible_rows().select_for_update().first()  # nothing to lock before the first save

    def find_object(self) -> SignalSettings:
        current = services.settings_of(self.coalition)
        if current is None and self.request.method in {"GET", "HEAD"}:
            raise exceptions.NotFound
        return current or SignalSettings(coalition=self.coalition)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        fields, user = serializer.validated_data, self.acting_user
        serializer.instance = services.save_settings(self.coalition, acting_user=user, **fields)


@doc(
    "Cijfers over signalen",
    "Per maand, over de laatste twaalf maanden: per soort melder, wijk, uitkomst en tijd tot "
    "het eerste contact. Elk aantal onder de 10 is verborgen (null), en zo veel meer dat geen "
    "verborgen aantal uit de totalen terug te rekenen is.",
    responses=FigureTableSerializer(many=True),
)
class SignalFigures(SignalsApiMixin):
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tables = coalition_figures(self.coalition)
        return Response(FigureTableSerializer(tables, many=True).data)


@doc(
    "Signaal met de gegevens van de inwoner",
    "Alleen voor de organisatie die het signaal in handen heeft, met een tweede factor. Elke "
    "keer komt in het leesregister (wie, wanneer, vanaf waar).",
    responses=SignalDetailSerializer,
)
class SignalDetail(OneSignalMixin):
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        signal = self.signal
        prefetch_related_objects(
            [signal],
            Prefetch("consents", selectors.consents_of(signal)),
            Prefetch("handovers", selectors.handovers_of(signal)),
        )
        self.log_read(READ_SIGNAL)
        return Response(SignalDetailSerializer(signal).data)


class StepEndpoint(OneSignalMixin):
    """POST one step with the input of `serializer_class`; `take` calls the service."""

    serializer_class: type[BaseSerializer[Any]]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self.answer(self.take(dict(serializer.validated_data)))

    def take(self, data: dict[str, Any]) -> Signal:
        raise NotImplementedError


@step(
    "Volgende stap",
    "In triage nemen, contact gelegd, niet bereikt, inwoner wil geen hulp, in begeleiding of "
    "afsluiten (met `outcome`). Overdragen, het besluit daarover en doorverwijzen hebben eigen "
    "routes.",
    StepSerializer,
)
class SignalStep(StepEndpoint):
    def take(self, data: dict[str, Any]) -> Signal:
        user, outcome = self.acting_user, data.get("outcome", "")
        return services.move(self.signal, data["status"], outcome=outcome, acting_user=user)


@step(
    "Signaal overdragen",
    "Aan één organisatie van deze coalitie, met toestemming van de inwoner voor overdracht of "
    "een vastgelegde reden waarom het zonder moet. `answer_by` ligt niet in het verleden.",
    HandoverCreateSerializer,
)
class SignalHandover(StepEndpoint):
    def take(self, data: dict[str, Any]) -> Signal:
        to = data.pop("to", None)
        return services.hand_over(self.signal, to, acting_user=self.acting_user, **data).signal


@step(
    "Overdracht accepteren of afwijzen",
    "Afwijzen vraagt een reden; het signaal gaat dan terug naar de triage.",
    HandoverDecisionSerializer,
)
class SignalDecision(StepEndpoint):
    def take(self, data: dict[str, Any]) -> Signal:
        handover = selectors.open_handover(self.signal)
        if handover is None:
            raise ValidationError(services.NO_OPEN_HANDOVER)
        return services.decide(handover, acting_user=self.acting_user, **data)


@step(
    "Doorverwijzen naar een activiteit",
    "Een activiteit uit het aanbod van deze coalitie; telt mee in haar bereik.",
    ReferralSerializer,
)
class SignalReferral(StepEndpoint):
    def take(self, data: dict[str, Any]) -> Signal:
        return services.refer(self.signal, data.get("activity"), acting_user=self.acting_user)


@step(
    "Gegevens van de inwoner wissen",
    "Het signaal wordt afgesloten en de persoonsgegevens gaan meteen weg.",
)
class SignalErase(OneSignalMixin):
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.answer(services.erase(self.signal, acting_user=self.acting_user))


@extend_schema_view(
    get=doc("Toestemmingen bij een signaal"),
    post=doc(
        "Toestemming vastleggen",
        "Per doel: hoe en wanneer de inwoner toestemming gaf (niet in de toekomst).",
    ),
)
class ConsentListCreate(OneSignalMixin, generics.ListCreateAPIView):
    model = Consent
    serializer_class = ConsentSerializer
    pagination_class = None

    def rows(self) -> QuerySet[Consent]:
        return selectors.consents_of(self.signal)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        serializer.instance = services.record_consent(
            self.signal, acting_user=self.acting_user, **data
        )


@doc(
    "Toestemming intrekken",
    "Stopt het vervolg: het signaal wordt afgesloten en binnen een dag gewist.",
    request=None,
    responses=ConsentSerializer,
)
class ConsentWithdraw(OneSignalMixin):
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        consent = selectors.consents_of(self.signal).filter(uuid=kwargs["consent"]).first()
        if consent is None:
            raise exceptions.NotFound
        consent = services.withdraw_consent(consent, acting_user=self.acting_user)
        return Response(ConsentSerializer(consent).data)


@doc(
    "Wie keek naar dit signaal",
    "Elke keer dat iemand de gegevens van de inwoner las: wie, wanneer, waarvoor.",
    responses=ReadSerializer(many=True),
)
class SignalReads(OneSignalMixin):
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(ReadSerializer(selectors.read_log(self.signal), many=True).data)


@doc(
    "Inzage: alles over de inwoner van dit signaal",
    "Voor het inzagerecht van de inwoner; ook deze download komt in het leesregister.",
    responses=OpenApiTypes.OBJECT,
)
class SignalExport(OneSignalMixin):
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.log_read(READ_EXPORT)
        return Response(inzage.export(self.signal))

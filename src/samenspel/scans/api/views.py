"""API v1 for scans: instruments, rounds, results, trends, collaboration health, and the
respondent's questionnaire behind a personal link.

Below `coalitions/<uuid:coalition>/` every view is a `CoalitionEndpoint` (404 for
outsiders, 403 for members without the right) and asks the same policy as the pages: rounds and
results need VIEW_SCAN_RESULTS, creating, opening, closing and the list of respondents need
MANAGE_SCANS. Results are aggregates from `scans.results` (small groups folded, anonymous rounds
hidden below the minimum); no route returns what one respondent answered.

The respondent route needs no account: the signed link token is the credential. It is throttled
per client address, and its answers are neither cached nor sent on in a Referer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.core.api.problems import PROBLEM_CONTENT_TYPE, problem_exception_handler
from samenspel.core.api.schema import PROBLEM_DESCRIPTIONS, ProblemAutoSchema, ProblemSerializer
from samenspel.core.api.views import ApiEndpoint
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.throttling import SlotRateThrottle
from samenspel.partners.models import ContactPerson
from samenspel.scans import services
from samenspel.scans.api.serializers import (
    AnswersSerializer,
    HealthSerializer,
    InstrumentSerializer,
    QuestionnaireSerializer,
    RespondentSerializer,
    RoundCreateSerializer,
    RoundResultsSerializer,
    RoundSerializer,
    SavedAnswersSerializer,
    TrendSerializer,
)
from samenspel.scans.instruments import Instrument, get_instrument, latest_instruments
from samenspel.scans.models import Respondent, Round, RoundQuerySet
from samenspel.scans.netwerkdip import health
from samenspel.scans.results import cached_round_results, trend

TAG = "scans"


def _instrument_or_404(key: str, version: int | None = None) -> Instrument:
    try:
        return get_instrument(key, version)
    except KeyError as error:
        raise Http404 from error


# Instruments


class NotFoundSchema(ProblemAutoSchema):
    """Also documents 404 (problem+json) for a detail outside `coalitions/{coalition}/`."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if direction == "response":
            response = OpenApiResponse(
                ProblemSerializer, description=str(PROBLEM_DESCRIPTIONS["404"])
            )
            responses.setdefault(
                "404",
                self._get_response_for_code(response, "404", media_types=[PROBLEM_CONTENT_TYPE]),
            )
        return responses


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Vragenlijsten",
        description="De nieuwste versie van elke vragenlijst, met schaal, onderdelen en vragen.",
    )
)
class InstrumentList(ApiEndpoint, generics.ListAPIView):
    serializer_class = InstrumentSerializer

    def get_queryset(self) -> list[Instrument]:  # type: ignore[override]
        return latest_instruments()


@extend_schema(tags=[TAG], summary="Vragenlijst (nieuwste versie)", responses=InstrumentSerializer)
class InstrumentDetail(ApiEndpoint):
    serializer_class = InstrumentSerializer
    schema = NotFoundSchema()
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instrument = _instrument_or_404(kwargs["instrument"], kwargs.get("version"))
        return Response(self.get_serializer(instrument).data)


@extend_schema(
    tags=[TAG],
    summary="Vragenlijst (een bepaalde versie)",
    description="Gepubliceerde versies veranderen nooit: antwoorden verwijzen naar hun vragen.",
    responses=InstrumentSerializer,
)
class InstrumentVersionDetail(InstrumentDetail):
    pass


# Rounds


class RoundEndpoint(CoalitionEndpoint):
    """Rounds of the coalition with their numbers of respondents and responses."""

    model = Round
    serializer_class = RoundSerializer
    permission = Permission.VIEW_SCAN_RESULTS

    def scope(self, queryset: QuerySet[Round]) -> QuerySet[Round]:
        return cast(RoundQuerySet, queryset).with_counts().order_by("-created_at", "-pk")

    def counted(self, scan_round: Round) -> Round:
        return lookup_or_404(self.rows(), scan_round.uuid)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Scanrondes",
        description="Nieuwste eerst, met het aantal uitgenodigden, respondenten en ingediende antwoorden.",
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Scanronde klaarzetten",
        description=(
            "Zet een ronde klaar (status `draft`) met de gekozen contactpersonen als respondenten. "
            "Uitnodigingen gaan pas uit wanneer de ronde wordt geopend (`…/open`)."
        ),
        request=RoundCreateSerializer,
        responses={201: RoundSerializer},
    ),
)
class RoundListCreate(RoundEndpoint, generics.ListCreateAPIView):
    permission_by_method = {"POST": Permission.MANAGE_SCANS}

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.request is not None and self.request.method == "POST":
            return RoundCreateSerializer
        return RoundSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        wanted = list(dict.fromkeys(data.pop("contacts")))
        contacts = list(
            self.visible(ContactPerson).filter(uuid__in=wanted).select_related("partner")
        )
        unknown = set(wanted) - {contact.uuid for contact in contacts}
        if unknown:
            raise exceptions.ValidationError(
                {"contacts": [_("Deze contactpersonen horen niet bij deze coalitie.")]}
            )
        scan_round = services.create_round(
            self.coalition, acting_user=self.acting_user, contacts=contacts, **data
        )
        return Response(
            RoundSerializer(self.counted(scan_round), context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class RoundScopedMixin(RoundEndpoint):
    """Resolves `self.round` inside the coalition (404 for a round of another coalition)."""

    round: Round

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        rounds = cast(RoundQuerySet, self.visible(Round)).with_counts()
        self.round = lookup_or_404(rounds.select_related("coalition"), kwargs["round"])


@extend_schema(tags=[TAG], summary="Scanronde bekijken", responses=RoundSerializer)
class RoundDetail(RoundEndpoint, CoalitionObjectEndpoint, generics.RetrieveAPIView):
    lookup_url_kwarg = "round"
    pagination_class = None


class RoundAction(RoundScopedMixin, CoalitionObjectEndpoint):
    permission_by_method = {"POST": Permission.MANAGE_SCANS}
    lookup_url_kwarg = "round"
    pagination_class = None
    http_method_names = ["post", "options"]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.perform(self.get_object())  # locks the round; If-Match if sent
        return Response(self.get_serializer(self.counted(self.round)).data)

    perform: Callable[[Round], None]  # each action names its service call


@extend_schema(
    tags=[TAG],
    summary="Scanronde openen",
    description=(
        "Opent een klaargezette ronde en stuurt elke respondent een persoonlijke link per e-mail. "
        "Een ronde die al open of gesloten is, geeft 400."
    ),
    request=None,
    responses=RoundSerializer,
)
class RoundOpen(RoundAction):
    def perform(self, scan_round: Round) -> None:
        services.open_round(
            scan_round,
            acting_user=self.acting_user,
        )


@extend_schema(
    tags=[TAG],
    summary="Scanronde sluiten",
    description="Daarna kan niemand meer antwoorden; onafgemaakte concepten vervallen.",
    request=None,
    responses=RoundSerializer,
)
class RoundClose(RoundAction):
    def perform(self, scan_round: Round) -> None:
        services.close_round(scan_round, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Respondenten van een ronde",
        description=(
            "Wie is uitgenodigd, voor welke partner, en of die heeft geantwoord. Nooit wat iemand "
            "antwoordde, en nooit de persoonlijke link."
        ),
    )
)
class RespondentList(RoundScopedMixin, generics.ListAPIView):
    model = Respondent  # type: ignore[assignment]
    serializer_class = RespondentSerializer  # type: ignore[assignment]
    permission = Permission.MANAGE_SCANS

    def scope(self, queryset: QuerySet[Respondent]) -> QuerySet[Respondent]:  # type: ignore[override]
        return (
            queryset.filter(round=self.round)
            .select_related("partner")
            .only(
                "uuid",
                "name",
                "responded",
                "invited_at",
                "reminded_at",
                "partner__uuid",
                "partner__name",
            )
            .order_by("partner__name", "name", "pk")
        )


@extend_schema(
    tags=[TAG],
    summary="Resultaten van een ronde",
    description=(
        "Per onderdeel gemiddelde, spreiding, n, verdeling en of men het oneens is; uitsplitsingen "
        "per soort partner en per cirkel zonder groepen onder de drie; de vergelijking met de "
        "vorige gesloten ronde. Een anonieme ronde toont niets onder het minimum aantal antwoorden. "
        "Zolang de ronde open is, zijn de resultaten voorlopig."
    ),
    responses=RoundResultsSerializer,
)
class RoundResultsView(RoundScopedMixin):
    serializer_class = RoundResultsSerializer  # type: ignore[assignment]
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            results, _version = cached_round_results(self.round)
        except KeyError as error:  # the round's instrument version is not installed
            raise Http404 from error
        context = {**self.get_serializer_context(), "scale": results.instrument.scale}
        return Response(self.get_serializer(results, context=context).data)


@extend_schema(
    tags=[TAG],
    summary="Verloop van een vragenlijst",
    description=(
        "Per gesloten ronde, oudste eerst, het gemiddelde en n per onderdeel. Rondes met te weinig "
        "antwoorden blijven in de lijst als gat (`enough` is onwaar)."
    ),
    responses=TrendSerializer,
)
class TrendView(RoundEndpoint):
    serializer_class = TrendSerializer  # type: ignore[assignment]
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            found = trend(self.coalition, kwargs["instrument"])
        except KeyError as error:
            raise Http404 from error
        return Response(self.get_serializer(found).data)


@extend_schema(
    tags=[TAG],
    summary="Gezondheid van de samenwerking",
    description=(
        "Per vragenlijst de laatste gesloten ronde met genoeg antwoorden (vergeleken met de ronde "
        "ervoor), en de vroege waarschuwing voor een netwerkdip met de aanwijzingen "
        "(Handreiking §1.2.6)."
    ),
    responses=HealthSerializer,
)
class HealthView(RoundEndpoint):
    serializer_class = HealthSerializer  # type: ignore[assignment]
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(health(self.coalition)).data)


# The respondent's questionnaire


class RespondentThrottle(SlotRateThrottle):
    """At most 60 requests a minute per client address: enough to fill in a questionnaire with
    drafts in between, too few to try links."""

    scope = "scan_respond"
    rate = "60/min"

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class Gone(exceptions.APIException):
    status_code = status.HTTP_410_GONE
    default_detail = _("Deze link kan niet meer worden gebruikt.")
    default_code = "gone"


GONE_TITLE = _("Niet meer beschikbaar")


def _respondent_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = problem_exception_handler(exc, context)
    if response is not None and response.status_code == status.HTTP_410_GONE:
        response.data["title"] = str(GONE_TITLE)
    return response


def _problem(description: Any) -> OpenApiResponse:
    return OpenApiResponse(ProblemSerializer, description=str(description))


class PublicSchema(AutoSchema):
    """No login: the error responses are documented per operation, as problem+json."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code, content in responses.items():
            if code.startswith(("4", "5")) and "content" in content:
                (schema,) = content["content"].values()
                content["content"] = {PROBLEM_CONTENT_TYPE: schema}
        return responses


RESPOND_ERRORS = {
    404: _problem(_("De link bestaat niet (vervalst of verminkt).")),
    410: _problem(_("De ronde is gesloten, of de vragenlijst is al ingevuld.")),
    429: _problem(_("Te veel verzoeken; probeer het over een minuut opnieuw.")),
}


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Vragenlijst achter een persoonlijke link",
        description=(
            "Zonder account: de link is de sleutel. Geeft de vragenlijst in de versie van de ronde "
            "en de tussentijds opgeslagen antwoorden."
        ),
        responses={200: QuestionnaireSerializer, **RESPOND_ERRORS},
        auth=[],
    ),
    put=extend_schema(
        tags=[TAG],
        summary="Antwoorden opslaan of versturen",
        description=(
            "Met `submit` onwaar blijven de antwoorden een concept (onvolledig mag); met `submit` "
            "waar tellen ze mee en moet elke vraag beantwoord zijn. Fouten staan per vraag in "
            "`invalid_params` (`answers.<vraag>`)."
        ),
        request=AnswersSerializer,
        responses={
            200: SavedAnswersSerializer,
            400: _problem(_("Ongeldige antwoorden; `invalid_params` noemt de vragen.")),
            **RESPOND_ERRORS,
        },
        auth=[],
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Antwoorden opslaan of versturen (als PUT)",
        request=AnswersSerializer,
        responses={
            200: SavedAnswersSerializer,
            400: _problem(_("Ongeldige antwoorden; `invalid_params` noemt de vragen.")),
            **RESPOND_ERRORS,
        },
        auth=[],
    ),
)
class RespondView(ApiEndpoint):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [RespondentThrottle]
    serializer_class = AnswersSerializer
    pagination_class = None
    http_method_names = ["get", "put", "post", "head", "options"]
    schema = PublicSchema()

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return _respondent_exception_handler

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        # The token is the respondent's only key: keep it out of Referer headers and caches.
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response

    def get_object(self) -> Respondent:
        """The respondent is the object of this URL (DRF's OPTIONS metadata asks for it)."""
        return self.respondent()

    def respondent(self) -> Respondent:
        respondent = Respondent.find(self.kwargs["token"])
        if respondent is None:
            raise Http404
        problem = services.answer_problem(respondent)
        if problem:
            raise Gone(problem)
        return respondent

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        respondent = self.respondent()
        scan_round = respondent.round
        instrument = _instrument_or_404(scan_round.instrument_key, scan_round.instrument_version)
        draft = services.find_response(respondent, kwargs["token"])
        data = {
            "round_title": scan_round.title,
            "coalition_name": scan_round.coalition.name,
            "anonymous": scan_round.anonymous,
            "closes_on": scan_round.closes_on,
            "instrument": instrument,
            "answers": draft.answers if draft else {},
            "has_draft": draft is not None,
        }
        return Response(QuestionnaireSerializer(data, context=self.get_serializer_context()).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        respondent = self.respondent()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            response = services.save_answers(
                respondent,
                kwargs["token"],
                answers=data["answers"],
                instrument_version=data["instrument_version"],
                submit=data["submit"],
            )
        except DjangoValidationError as error:
            raise self._as_api_error(respondent, error) from error
        return Response(SavedAnswersSerializer(response).data)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.put(request, *args, **kwargs)

    @staticmethod
    def _as_api_error(respondent: Respondent, error: DjangoValidationError) -> Exception:
        """Errors per question go to `answers.<question>`; a round that closed or a questionnaire
        that was submitted in the meantime is 410; what remains is a changed version."""
        if hasattr(error, "error_dict"):
            return exceptions.ValidationError({"answers": error.message_dict})
        respondent.refresh_from_db(fields=["responded"])
        respondent.round.refresh_from_db(fields=["status", "closes_on"])
        problem = services.answer_problem(respondent)
        if problem:
            return Gone(problem)
        return exceptions.ValidationError({"instrument_version": error.messages})

"""API v1 for the coalition's activities, their reach, the reach totals and the public finder's
settings.

Everything is found inside the coalition resolved for the requester (404 otherwise). Reading needs
VIEW_COALITION. Changing an activity or its reach needs the coordinator, or a partner member whose
organisation provides the activity (403 otherwise); the finder's settings need MANAGE_ACTIVITIES.
Every write is one call to a service function.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.activities import selectors, services
from samenspel.activities.api.serializers import (
    ActivityDetailSerializer,
    CoalitionActivitySerializer,
    FinderSerializer,
    PeriodQuerySerializer,
    ReachRecordSerializer,
    ReachTotalsSerializer,
    reach_parts,
    service_parts,
)
from samenspel.activities.forms import ActivityFilter
from samenspel.activities.models import Activity, ActivityQuerySet, Finder, ReachRecord
from samenspel.activities.reach import Period, coalition_reach
from samenspel.core.api.pagination import Pagination
from samenspel.core.tenancy import lookup_or_404

TAG = "activities"


class ActivitiesApiMixin(CoalitionEndpoint):
    model: type[Model] = Activity

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def activities(self) -> QuerySet[Activity]:
        return selectors.for_api(cast(ActivityQuerySet, self.visible(Activity)))

    def editable_activity(self) -> Activity:
        """The activity of the URL; for writes also one the requester may change."""
        activity = lookup_or_404(self.activities(), self.kwargs["activity"])
        if self.request.method not in {"GET", "HEAD", "OPTIONS"} and not selectors.may_edit(
            self.membership, activity
        ):
            raise PermissionDenied
        return activity

    def reread(self, activity: Activity) -> Activity:
        """An activity as it is after a write, with everything the serializer shows."""
        return lookup_or_404(self.activities(), activity.uuid)


class ActivityPagination(Pagination):
    """Pages of 25 activities, as on the list page (`page_size` up to 200 on request): an
    activity is one of the largest objects of the API, about thirty fields with its providers,
    target groups and times, and a page of 50 took longer than the pages of the rest of the
    application."""

    page_size = 25


class ReachEndpoint(ActivitiesApiMixin):
    model = ReachRecord
    serializer_class = ReachRecordSerializer

    def scope(self, queryset: QuerySet[ReachRecord]) -> QuerySet[ReachRecord]:
        activity = self.editable_activity()  # 404, or 403 for a write by someone else
        return selectors.records_of(queryset, activity).select_related("activity")


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Activiteiten van de coalitie",
        description=(
            "Met filters op status, soort, doelgroep, wijk (uuid), aanbieder (uuid) en "
            "`stale=true`: langer dan zes maanden niet gecontroleerd."
        ),
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Activiteit toevoegen",
        description=(
            "Voor de coördinator, en voor een partnerlid namens de eigen organisatie (die dan "
            "altijd aanbieder is)."
        ),
    ),
)
class ActivityListCreate(ActivitiesApiMixin, generics.ListCreateAPIView):
    serializer_class = CoalitionActivitySerializer
    filterset_class = ActivityFilter
    pagination_class = ActivityPagination

    def rows(self) -> QuerySet[Activity]:
        return selectors.for_api_list(cast(ActivityQuerySet, self.visible(Activity)))

    def paginate_queryset(self, queryset: QuerySet[Any] | Sequence[Any]) -> Sequence[Any] | None:
        page = super().paginate_queryset(queryset)
        if page is not None:
            selectors.attach_api_rows(page)  # what `for_api` prefetches, for this page only
        return page

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not selectors.may_create(self.membership):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        activity = services.create_activity(
            self.coalition,
            acting_user=self.acting_user,
            own_partner=selectors.acting_partner(self.membership),
            **service_parts(serializer.validated_data),
        )
        serializer.instance = self.reread(activity)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Activiteit bekijken"),
    patch=extend_schema(
        tags=[TAG],
        summary="Activiteit wijzigen",
        description=(
            "Alleen de meegestuurde velden; `providers`, `target_groups` en `time_slots` "
            "vervangen de huidige lijst. Opslaan geldt als controle (`checked_on` wordt vandaag)."
        ),
    ),
    delete=extend_schema(tags=[TAG], summary="Activiteit verwijderen"),
)
class ActivityDetail(
    ActivitiesApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    serializer_class = ActivityDetailSerializer
    lookup_url_kwarg = "activity"

    def find_object(self) -> Activity:
        return self.editable_activity()

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        activity = services.update_activity(
            cast(Activity, serializer.instance),
            acting_user=self.acting_user,
            own_partner=selectors.acting_partner(self.membership),
            **service_parts(serializer.validated_data),
        )
        serializer.instance = self.reread(activity)

    def perform_destroy(self, instance: Activity) -> None:
        services.delete_activity(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Activiteit als gecontroleerd markeren",
    description="Bevestigt dat de gegevens nog kloppen; `checked_on` wordt vandaag.",
    request=None,
    responses=CoalitionActivitySerializer,
)
class ActivityCheck(ActivitiesApiMixin):
    serializer_class = CoalitionActivitySerializer

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        activity = self.editable_activity()
        services.mark_checked(activity, acting_user=self.acting_user)
        return Response(self.get_serializer(activity).data, status=status.HTTP_200_OK)


# --- reach ----------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Bereik van een activiteit", description="Nieuwste periode eerst."
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Bereik vastleggen",
        description="Alleen aantallen, nooit namen; één record per periode.",
    ),
)
class ReachListCreate(ReachEndpoint, generics.ListCreateAPIView):
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.activity = self.editable_activity()  # 404 or 403 before looking at the input
        return super().post(request, *args, **kwargs)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.create_reach(
            self.activity, acting_user=self.acting_user, **reach_parts(serializer.validated_data)
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Bereik van een periode bekijken"),
    patch=extend_schema(tags=[TAG], summary="Bereik wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Bereik verwijderen"),
)
class ReachDetail(ReachEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView):
    lookup_url_kwarg = "record"

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_reach(
            cast(ReachRecord, serializer.instance),
            acting_user=self.acting_user,
            **reach_parts(serializer.validated_data),
        )

    def perform_destroy(self, instance: ReachRecord) -> None:
        services.delete_reach(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Bereik van de coalitie per partner, wijk en doelgroep",
    description=(
        "Over een periode (standaard de laatste twaalf maanden); een record telt mee in de "
        "periode waarin het begint. Een activiteit met meer aanbieders telt bij elke aanbieder."
    ),
    parameters=[
        OpenApiParameter("start", type=OpenApiTypes.DATE, location=OpenApiParameter.QUERY),
        OpenApiParameter("end", type=OpenApiTypes.DATE, location=OpenApiParameter.QUERY),
    ],
    responses=ReachTotalsSerializer,
)
class ReachTotals(ActivitiesApiMixin):
    serializer_class = ReachTotalsSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        default = Period.last_twelve_months(timezone.localdate())
        query = PeriodQuerySerializer(data=request.query_params, context={"default": default})
        query.is_valid(raise_exception=True)
        period = query.validated_data["period"]
        return Response(self.get_serializer(coalition_reach(self.coalition, period)).data)


# --- the public finder ----------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Instellingen van de openbare zoeker",
        description="Zolang ze nooit zijn opgeslagen: de standaardwaarden en een voorgesteld adres.",
    ),
    put=extend_schema(tags=[TAG], summary="Instellingen van de openbare zoeker opslaan"),
    patch=extend_schema(tags=[TAG], summary="Instellingen van de openbare zoeker wijzigen"),
)
class FinderSettings(ActivitiesApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView):
    """The coalition's one finder; before it is first saved, its defaults."""

    model = Finder
    serializer_class = FinderSerializer
    permission_by_method = dict.fromkeys(("PUT", "PATCH"), Permission.MANAGE_ACTIVITIES)
    http_method_names = ["get", "put", "patch", "head", "options"]

    def object_lookup(self) -> dict[str, Any]:
        return {}

    def lock_object(self) -> None:
        self.visible_rows().select_for_update().first()  # nothing to lock before the first save

    def find_object(self) -> Any:
        return services.finder_of(self.coalition)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_finder(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )

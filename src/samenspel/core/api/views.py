"""Base classes for the API views of every app.

`ApiEndpoint` is what every endpoint shares: authentication inside DRF (so Django's
LoginRequiredMiddleware lets it through and DRF answers 401), problem+json errors documented in
the schema, JSON bodies, and no PUT unless an endpoint names it (partial updates are the rule);
OPTIONS answers with DRF's metadata of the fields. `ObjectEndpoint` adds what one object at a URL needs: an `ETag` on every
answer that shows it, and `If-Match` on writes, checked while the row is locked.

Coalition-scoped endpoints build on these in `samenspel.accounts.api.base`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.decorators import login_not_required
from django.db import models, transaction
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.core.api.schema import ProblemSchemaMixin
from samenspel.core.api.versions import etag_of, require_match
from samenspel.core.tenancy import lookup_or_404

if TYPE_CHECKING:
    from samenspel.accounts.models import User

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ApiViewMixin(ProblemSchemaMixin):
    """Documents the view's problem+json responses and names the person who acts."""

    @property
    def acting_user(self) -> User:
        # IsAuthenticated (the default permission class) has run before any handler.
        request: Request = self.request  # type: ignore[attr-defined]
        return cast("User", request.user)


class LoginExemptAPIMixin:
    @classmethod
    def as_view(cls, *args: Any, **kwargs: Any) -> Any:
        return login_not_required(super().as_view(*args, **kwargs))  # type: ignore[misc]


class ApiEndpoint(LoginExemptAPIMixin, ApiViewMixin, generics.GenericAPIView):
    """`model` and `rows()` say what the endpoint reads; the base keeps schema generation (which
    runs without a request) away from `rows()`."""

    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    # JSON only, unless an endpoint takes files: form encoding flattens lists and objects, so
    # invalid input could arrive as something else than was sent.
    parser_classes = [JSONParser]
    lookup_field = "uuid"
    model: type[models.Model]

    @property
    def filter_backends(self) -> list[type[DjangoFilterBackend]]:  # type: ignore[override]
        # Only where a filterset says what may be filtered: the backend would otherwise ask the
        # schema generator for a model that endpoints over read models do not have.
        return [DjangoFilterBackend] if getattr(self, "filterset_class", None) else []

    def rows(self) -> models.QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> models.QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):
            return self.model._default_manager.none()
        return self.rows()


class ObjectEndpoint(ApiEndpoint):
    """One object per URL, found by the uuid in `lookup_url_kwarg` among the endpoint's rows;
    this class adds the row lock for writes, the ETag and the If-Match check."""

    versioned = True  # ProblemAutoSchema documents ETag, If-Match and 412

    def object_lookup(self) -> dict[str, Any]:
        """How the URL names the object."""
        return {"uuid": self.kwargs[self.lookup_url_kwarg]}

    def find_object(self) -> Any:
        return lookup_or_404(self.get_queryset(), **self.object_lookup())

    def lockable_rows(self) -> models.QuerySet[Any]:
        """Rows that `select_for_update` may lock (no aggregates or outer joins)."""
        return self.get_queryset()

    def lock_object(self) -> None:
        """Lock the object's row until the transaction ends."""
        lookup_or_404(self.lockable_rows().select_for_update(), **self.object_lookup())

    def representation(self, obj: models.Model) -> Any:
        """What GET shows of `obj`; its hash is the ETag."""
        return self.get_serializer(obj).data

    def get_object(self) -> Any:
        writing = self.request.method in WRITES
        if writing:
            # Read, compare and write as one step: nobody may change the row between the If-Match
            # check (or the read that the change is applied to) and the service's write.
            # dispatch holds the transaction, so the lock lasts until the write commits.
            self.lock_object()
        obj = self.find_object()
        self.check_object_permissions(self.request, obj)
        if writing:
            require_match(self.request.headers.get("If-Match"), self.representation(obj))
        return obj

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """DRF's update, answering with the object as GET now shows it, read again: a partial
        serializer would leave out read-only fields that have a default (counts), and the rows
        read before the write (prefetched participants, say) may have changed."""
        instance = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)  # type: ignore[attr-defined]
        return Response(self.representation(self.find_object()))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method in WRITES:
            with transaction.atomic():
                return super().dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and isinstance(response.data, dict):
            response["ETag"] = etag_of(response.data)
        return response

"""API v1: each app owns its routes; this module only mounts them."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from samenspel.core.api.problems import not_found_endpoint

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("auth/", include("samenspel.accounts.api.urls")),
    path("guide/", include("samenspel.guide.api.urls")),
    path("coalitions/<uuid:coalition>/members/", include("samenspel.accounts.api.coalition_urls")),
    path("coalitions/<uuid:coalition>/mail/", include("samenspel.accounts.api.mail_urls")),
    path("", include("samenspel.coalitions.api.urls")),
    path("", include("samenspel.partners.api.urls")),
    path("", include("samenspel.scans.api.urls")),
    path("", include("samenspel.advice.api.urls")),
    path("", include("samenspel.agreements.api.urls")),
    path("", include("samenspel.meetings.api.urls")),
    path("", include("samenspel.funding.api.urls")),
    path("", include("samenspel.evaluations.api.urls")),
    path("", include("samenspel.activities.api.urls")),
    path("", include("samenspel.activities.api.import_urls")),
    path("open/", include("samenspel.activities.api.public_urls")),
    path("", include("samenspel.monitoring.api.urls")),
    path("", include("samenspel.reporting.api.urls")),
    path("", include("samenspel.signals.api.urls")),
    path("", include("samenspel.workspace.api.urls")),
    re_path(r"", not_found_endpoint, name="api_not_found"),  # last: what matched nothing above
]

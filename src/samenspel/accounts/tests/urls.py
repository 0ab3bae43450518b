"""Stand-in URLconf for the accounts tests, used only while the project's own URLconf cannot
yet resolve everything these tests need (see conftest.py). It mounts the accounts URLconfs where
the project mounts them and answers the other names that base.html links to with a stub."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularJSONAPIView


def stub(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponse("stub")


coalitions = (
    [
        path("", stub, name="home"),
        path("coalities/nieuw/", stub, name="create"),
        path("c/<uuid:coalition>/", stub, name="dashboard"),
        path("c/<uuid:coalition>/waar-staan-we/", stub, name="where"),
    ],
    "coalitions",
)
partners = (
    [
        path("c/<uuid:coalition>/partners/", stub, name="list"),
        path("c/<uuid:coalition>/kaart/", stub, name="map"),
    ],
    "partners",
)
guide = ([path("", stub, name="index")], "guide")

urlpatterns = [
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("account/", include("samenspel.accounts.urls")),
    path("c/<uuid:coalition>/leden/", include("samenspel.accounts.coalition_urls")),
    path("gids/", include(guide)),
    path("", include(coalitions)),
    path("", include(partners)),
    path(
        "api/v1/openapi.json", login_not_required(SpectacularJSONAPIView.as_view()), name="openapi"
    ),
    path("api/v1/auth/", include("samenspel.accounts.api.urls")),
    path(
        "api/v1/coalitions/<uuid:coalition>/members/",
        include("samenspel.accounts.api.coalition_urls"),
    ),
]

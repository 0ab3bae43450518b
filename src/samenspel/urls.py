from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from samenspel.core.health import healthz, readyz
from samenspel.core.views import AboutView, ComponentsView

handler500 = "samenspel.core.unavailable.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("over/", AboutView.as_view(), name="about"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("account/", include("samenspel.accounts.urls")),
    path("gids/", include("samenspel.guide.urls")),
    path("landelijk/", include("samenspel.workspace.urls")),
    path("portefeuille/", include("samenspel.workspace.portfolio_urls")),
    path("cijfers/", include("samenspel.workspace.public_urls")),
    path("", include("samenspel.workspace.coalition_urls")),
    path("", include("samenspel.coalitions.urls")),
    path("", include("samenspel.partners.urls")),
    path("", include("samenspel.scans.urls")),
    path("", include("samenspel.advice.urls")),
    path("", include("samenspel.agreements.urls")),
    path("", include("samenspel.meetings.urls")),
    path("", include("samenspel.funding.urls")),
    path("", include("samenspel.evaluations.urls")),
    path("", include("samenspel.activities.urls")),
    path("", include("samenspel.activities.import_urls")),
    path("", include("samenspel.monitoring.urls")),
    path("", include("samenspel.reporting.urls")),
    path("", include("samenspel.signals.urls")),
    path("aanbod/", include("samenspel.activities.public_urls")),
    path("meldpunt/", include("samenspel.signals.public_urls")),
    path("c/<uuid:coalition>/leden/", include("samenspel.accounts.coalition_urls")),
    path("api/v1/", include("samenspel.api_urls")),
]

if settings.DEBUG:  # for developers: the template components with examples
    urlpatterns.append(path("componenten/", ComponentsView.as_view(), name="components"))

"""Monitor routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.reporting.api import views

app_name = "reporting_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path(C + "monitor/", views.MonitorView.as_view(), name="monitor"),
    path(C + "reports/<int:year>/", views.YearReportView.as_view(), name="year_report"),
    path(C + "outcomes/", views.OutcomesView.as_view(), name="outcomes"),
]

from django.urls import path

from samenspel.reporting import views

app_name = "reporting"

M = "c/<uuid:coalition>/monitor/"

urlpatterns = [
    path(M, views.MonitorView.as_view(), name="monitor"),
    path(M + "indicator/<slug:indicator>/", views.IndicatorNoteView.as_view(), name="note"),
    path(M + "uitkomsten/", views.OutcomesView.as_view(), name="outcomes"),
    path(M + "uitkomsten/nieuw/", views.OutcomeFormView.as_view(), name="record_outcome"),
    path(M + "jaarverslag/<int:year>/", views.YearReportView.as_view(), name="year_report"),
    path(
        M + "jaarverslag/<int:year>/bestand.<str:format>",
        views.YearReportFileView.as_view(),
        name="year_report_file",
    ),
    path(
        M + "jaarverslag/<int:year>/<slug:pillar>/",
        views.ReportSectionView.as_view(),
        name="report_section",
    ),
    path(M + "openbaar/", views.PublicationView.as_view(), name="publication"),
    path(M + "adviseur/", views.AdvisorNoteView.as_view(), name="advisor_note"),
]

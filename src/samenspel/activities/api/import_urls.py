"""Import and export routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.activities.api import import_views as views

app_name = "activity_imports_api"

C = "coalitions/<uuid:coalition>/"
BATCH = C + "activity-imports/<uuid:batch>/"

urlpatterns = [
    path(C + "activity-imports/", views.ImportUploadView.as_view(), name="upload"),
    path(BATCH, views.ImportDetailView.as_view(), name="detail"),
    path(BATCH + "commit/", views.ImportCommitView.as_view(), name="commit"),
    path(BATCH + "discard/", views.ImportDiscardView.as_view(), name="discard"),
    path(C + "activity-exports/<str:name>", views.ExportView.as_view(), name="export"),
]

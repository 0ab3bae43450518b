from collections.abc import Callable

from django.http import HttpResponseBase
from django.urls import path

from samenspel.activities import import_views as views

app_name = "activity_imports"

IMPORT = "c/<uuid:coalition>/activiteiten/importeren/"
BATCH = IMPORT + "<uuid:batch>/"
EXPORT = "c/<uuid:coalition>/activiteiten/exporteren/"


def _file(what: str, file_format: str) -> Callable[..., HttpResponseBase]:
    return views.FileView.as_view(what=what, file_format=file_format)


urlpatterns = [
    path(IMPORT, views.ImportStartView.as_view(), name="start"),
    path(IMPORT + "voorbeeld.xlsx", _file("template", "xlsx"), name="template_xlsx"),
    path(IMPORT + "voorbeeld.csv", _file("template", "csv"), name="template_csv"),
    path(BATCH, views.ImportPreviewView.as_view(), name="preview"),
    path(BATCH + "inlezen/", views.ImportCommitView.as_view(), name="commit"),
    path(BATCH + "weggooien/", views.ImportDiscardView.as_view(), name="discard"),
    path(EXPORT, views.ExportPageView.as_view(), name="export"),
    path(EXPORT + "activiteiten.xlsx", _file("activities", "xlsx"), name="activities_xlsx"),
    path(EXPORT + "activiteiten.csv", _file("activities", "csv"), name="activities_csv"),
    path(EXPORT + "bereik.xlsx", _file("reach", "xlsx"), name="reach_xlsx"),
    path(EXPORT + "bereik.csv", _file("reach", "csv"), name="reach_csv"),
]

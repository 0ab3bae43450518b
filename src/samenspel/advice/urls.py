from django.urls import path

from samenspel.advice import views

app_name = "advice"

C = "c/<uuid:coalition>/bevindingen/"

urlpatterns = [
    path(C, views.FindingsView.as_view(), name="findings"),
    path(C + "samenvatting/", views.FindingsSummaryView.as_view(), name="summary"),
    path(C + "<slug:rule>/terzijde/", views.DismissView.as_view(), name="dismiss"),
    path(C + "<slug:rule>/terugzetten/", views.RestoreView.as_view(), name="restore"),
]

from django.urls import path

from samenspel.workspace import views

app_name = "national_public"

urlpatterns = [
    path("", views.PublicFiguresView.as_view(), name="figures"),
    path("open-data.json", views.OpenDataView.as_view(), {"format": "json"}, name="json"),
    path("open-data.csv", views.OpenDataView.as_view(), {"format": "csv"}, name="csv"),
]

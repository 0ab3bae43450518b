"""The person's own work surfaces: 'Mijn werk' over all their coalitions; search and exports in
one coalition."""

from django.urls import path

from samenspel.workspace import views

app_name = "work"

urlpatterns = [
    path("mijn-werk/", views.MyWorkView.as_view(), name="my_work"),
    path("c/<uuid:coalition>/zoeken/", views.CoalitionSearchView.as_view(), name="search"),
    path("c/<uuid:coalition>/exporteren/", views.ExportListView.as_view(), name="exports"),
    path(
        "c/<uuid:coalition>/exporteren/<str:table>.<str:format>",
        views.ExportView.as_view(),
        name="export",
    ),
]

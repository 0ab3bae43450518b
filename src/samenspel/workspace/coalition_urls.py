"""The person's own work surfaces: 'Mijn werk' over all their coalitions, and search in one."""

from django.urls import path

from samenspel.workspace import views

app_name = "work"

urlpatterns = [
    path("mijn-werk/", views.MyWorkView.as_view(), name="my_work"),
    path("c/<uuid:coalition>/zoeken/", views.CoalitionSearchView.as_view(), name="search"),
]

from django.urls import path

from samenspel.workspace import views

app_name = "coalition_workspace"

C = "c/<uuid:coalition>/"

urlpatterns = [
    path(C + "zoeken/", views.CoalitionSearchView.as_view(), name="search"),
]

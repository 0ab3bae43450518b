from django.urls import path

from samenspel.funding import views

app_name = "funding"

F = "c/<uuid:coalition>/financiering/"
ONE = F + "<uuid:source>/"

urlpatterns = [
    path(F, views.FundingOverviewView.as_view(), name="overview"),
    path(F + "nieuw/", views.SourceFormView.as_view(), name="create"),
    path(ONE + "bewerken/", views.SourceFormView.as_view(), name="edit"),
    path(ONE + "verwijderen/", views.SourceDeleteView.as_view(), name="delete"),
]

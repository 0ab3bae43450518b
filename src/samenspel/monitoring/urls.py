from django.urls import path

from samenspel.monitoring import views

app_name = "monitoring"

W = "c/<uuid:coalition>/wijken/"
ONE = W + "<uuid:neighbourhood>/"

urlpatterns = [
    path(W, views.NeighbourhoodListView.as_view(), name="neighbourhoods"),
    path(W + "nieuw/", views.NeighbourhoodFormView.as_view(), name="neighbourhood_create"),
    path(W + "overnemen/", views.AdoptDistrictsView.as_view(), name="adopt_districts"),
    path(W + "aanbod-en-eenzaamheid/", views.GapView.as_view(), name="gap"),
    path(W + "cijfers/", views.FiguresView.as_view(), name="figures"),
    path(ONE + "bewerken/", views.NeighbourhoodFormView.as_view(), name="neighbourhood_edit"),
    path(
        ONE + "verwijderen/", views.NeighbourhoodDeleteView.as_view(), name="neighbourhood_delete"
    ),
]

from django.urls import path

from samenspel.evaluations import views

app_name = "evaluations"

E = "c/<uuid:coalition>/evaluaties/"

urlpatterns = [
    path(E, views.EvaluationListView.as_view(), name="list"),
    path(E + "nieuw/", views.EvaluationFormView.as_view(), name="create"),
    path(E + "<uuid:evaluation>/", views.EvaluationDetailView.as_view(), name="detail"),
    path(E + "<uuid:evaluation>/bewerken/", views.EvaluationFormView.as_view(), name="edit"),
    path(E + "<uuid:evaluation>/verwijderen/", views.EvaluationDeleteView.as_view(), name="delete"),
    path(E + "momenten/nieuw/", views.MomentFormView.as_view(), name="plan_moment"),
    path(E + "momenten/<uuid:moment>/", views.MomentFormView.as_view(), name="edit_moment"),
    path(
        E + "momenten/<uuid:moment>/verwijderen/",
        views.MomentDeleteView.as_view(),
        name="delete_moment",
    ),
]

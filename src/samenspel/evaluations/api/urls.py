"""Evaluation routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.evaluations.api import views

app_name = "evaluations_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path(C + "evaluation-moments/", views.MomentListCreate.as_view(), name="moments"),
    path(C + "evaluation-moments/<uuid:moment>/", views.MomentDetail.as_view(), name="moment"),
    path(C + "evaluations/", views.EvaluationListCreate.as_view(), name="list"),
    path(C + "evaluations/<uuid:evaluation>/", views.EvaluationDetail.as_view(), name="detail"),
]

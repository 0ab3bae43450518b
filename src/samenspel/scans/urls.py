from django.urls import path

from samenspel.scans.views import answer, results, rounds

app_name = "scans"

C = "c/<uuid:coalition>/"
ROUND = C + "scans/<uuid:round>/"

urlpatterns = [
    path(C + "scans/", rounds.RoundListView.as_view(), name="rounds"),
    path(C + "scans/nieuw/", rounds.RoundCreateView.as_view(), name="round_create"),
    path(ROUND, rounds.RoundDetailView.as_view(), name="round"),
    path(ROUND + "openen/", rounds.RoundOpenView.as_view(), name="round_open"),
    path(ROUND + "sluiten/", rounds.RoundCloseView.as_view(), name="round_close"),
    path(ROUND + "resultaten/", results.RoundResultsView.as_view(), name="results"),
    path(ROUND + "resultaten.pdf", results.RoundResultsPdfView.as_view(), name="results_pdf"),
    path(C + "scans/trends/<slug:instrument>/", results.TrendView.as_view(), name="trend"),
    path(C + "samenwerking/", results.HealthView.as_view(), name="health"),
    path("scan/<str:token>/", answer.AnswerView.as_view(), name="answer"),
]

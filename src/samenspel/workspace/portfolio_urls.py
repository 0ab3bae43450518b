from django.urls import path

from samenspel.workspace import portfolio_views

app_name = "portfolio"

urlpatterns = [
    path("", portfolio_views.PortfolioView.as_view(), name="overview"),
    path("gemeente/", portfolio_views.MunicipalityView.as_view(), name="municipality"),
    path("export.<str:format>", portfolio_views.PortfolioExportView.as_view(), name="export"),
]

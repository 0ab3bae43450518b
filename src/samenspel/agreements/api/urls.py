"""Agreement routes of API v1, mounted at /api/v1/."""

from django.urls import path

from samenspel.agreements.api import views

app_name = "agreements_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path(C + "ambition-versions/", views.AmbitionVersionListCreate.as_view(), name="ambition"),
    path(C + "agreements/", views.AgreementListCreate.as_view(), name="agreements"),
    path(C + "agreements/<uuid:agreement>/", views.AgreementDetail.as_view(), name="agreement"),
    path(C + "process-steps/", views.StepListCreate.as_view(), name="steps"),
    path(C + "process-steps/<uuid:step>/", views.StepDetail.as_view(), name="step"),
    path(C + "covenant/", views.CovenantDetail.as_view(), name="covenant"),
    path(C + "covenant.pdf", views.CovenantPdf.as_view(), name="covenant_pdf"),
    path(C + "covenant/signatories/", views.SignatoryListCreate.as_view(), name="signatories"),
    path(
        C + "covenant/signatories/<uuid:signatory>/",
        views.SignatoryDetail.as_view(),
        name="signatory",
    ),
]

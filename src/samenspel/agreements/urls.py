from django.urls import path

from samenspel.agreements import views

app_name = "agreements"

C = "c/<uuid:coalition>/"
AGREEMENT = C + "afspraken/<uuid:agreement>/"
STEP = C + "proces/<uuid:step>/"

urlpatterns = [
    path(C + "ambitie/", views.AmbitionView.as_view(), name="ambition"),
    path(C + "ambitie/nieuw/", views.AmbitionCreateView.as_view(), name="ambition_create"),
    path(C + "afspraken/", views.AgreementListView.as_view(), name="list"),
    path(C + "afspraken/nieuw/", views.AgreementFormView.as_view(), name="create"),
    path(AGREEMENT + "bewerken/", views.AgreementFormView.as_view(), name="edit"),
    path(AGREEMENT + "verwijderen/", views.AgreementDeleteView.as_view(), name="delete"),
    path(C + "proces/", views.ProcessView.as_view(), name="process"),
    path(C + "proces/nieuw/", views.StepFormView.as_view(), name="step_create"),
    path(STEP + "bewerken/", views.StepFormView.as_view(), name="step_edit"),
    path(STEP + "verwijderen/", views.StepDeleteView.as_view(), name="step_delete"),
    path(C + "convenant/", views.CovenantView.as_view(), name="covenant"),
    path(C + "convenant/bewerken/", views.CovenantFormView.as_view(), name="covenant_edit"),
    path(C + "convenant/document.pdf", views.CovenantPdfView.as_view(), name="covenant_pdf"),
    path(
        C + "convenant/ondertekenaars/nieuw/",
        views.SignatoryCreateView.as_view(),
        name="signatory_create",
    ),
    path(
        C + "convenant/ondertekenaars/<uuid:signatory>/verwijderen/",
        views.SignatoryDeleteView.as_view(),
        name="signatory_delete",
    ),
]

"""The members page of one coalition; mounted by the project at c/<uuid:coalition>/leden/,
so every view receives the `coalition` keyword argument."""

from django.urls import path

from samenspel.accounts import views

app_name = "members"

urlpatterns = [
    path("", views.MemberListView.as_view(), name="list"),
    path("uitnodigen/", views.InviteView.as_view(), name="invite"),
    path(
        "uitnodigingen/<uuid:invitation>/intrekken/",
        views.RevokeInvitationView.as_view(),
        name="revoke",
    ),
    path("<uuid:member>/", views.MemberEditView.as_view(), name="edit"),
]

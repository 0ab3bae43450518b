"""The members page of one coalition; mounted by the project at c/<uuid:coalition>/leden/,
so every view receives the `coalition` keyword argument."""

from django.urls import path

from samenspel.accounts import mail_views, views

app_name = "members"

urlpatterns = [
    path("", views.MemberListView.as_view(), name="list"),
    path("uitnodigen/", views.InviteView.as_view(), name="invite"),
    path(
        "uitnodigingen/<uuid:invitation>/intrekken/",
        views.RevokeInvitationView.as_view(),
        name="revoke",
    ),
    path("e-mail/", mail_views.UndeliveredMailView.as_view(), name="undelivered_mail"),
    path("e-mail/<uuid:mail>/opnieuw/", mail_views.RetryMailView.as_view(), name="retry_mail"),
    path("<uuid:member>/", views.MemberEditView.as_view(), name="edit"),
]

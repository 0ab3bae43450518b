"""The coordinator's view of the coalition's outbox: e-mail that failed or waits for a retry.

Lives with the members pages (same right, `MANAGE_MEMBERS`): most of this mail is invitations,
and the mail app itself stays below the domain apps.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from samenspel.accounts import policy
from samenspel.accounts.mixins import CoalitionMixin
from samenspel.core.tenancy import lookup_or_404
from samenspel.mail.models import OutgoingMail
from samenspel.mail.outbox import retry_mail


class OutboxMixin(CoalitionMixin):
    permission = policy.Permission.MANAGE_MEMBERS


class UndeliveredMailView(OutboxMixin, ListView):
    template_name = "accounts/members/undelivered_mail.html"
    context_object_name = "mails"
    paginate_by = 50
    page_kwarg = "pagina"

    def get_queryset(self) -> Any:
        return (
            OutgoingMail.objects.of_coalition(self.coalition)
            .needing_attention()
            .order_by("-created_at", "-pk")
        )


class RetryMailView(OutboxMixin, View):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        mail = lookup_or_404(OutgoingMail.objects.of_coalition(self.coalition), kwargs["mail"])
        try:
            retry_mail(mail, acting_user=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("De e-mail aan %(address)s wordt opnieuw verstuurd.")
                % {"address": mail.masked_recipient},
            )
        return redirect("members:undelivered_mail", self.coalition.uuid)

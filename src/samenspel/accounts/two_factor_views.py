"""Pages to set up and pass the second factor (see `two_factor.py`)."""

from __future__ import annotations

import base64

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login

from samenspel.accounts import two_factor
from samenspel.accounts.requests import acting_user
from samenspel.core.forms import FieldMessagesMixin

WRONG_CODE = _("Deze code klopt niet of is verlopen. Probeer de volgende code.")


class CodeForm(FieldMessagesMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request: HttpRequest) -> str:
    wanted = request.GET.get("volgende", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return "/"


class TwoFactorSetupView(View):
    template_name = "accounts/two_factor_setup.html"

    def _page(self, request: HttpRequest, form: CodeForm) -> HttpResponse:
        device = two_factor.pending_app_device(acting_user(request))
        key = base64.b32encode(bytes.fromhex(device.key)).decode()
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "config_url": device.config_url,
                "secret": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            },
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, CodeForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        if form.is_valid():
            device = two_factor.pending_app_device(acting_user(request))
            codes = two_factor.confirm_app_device(device, form.cleaned_data["code"])
            if codes is not None:
                otp_login(request, device)
                return render(
                    request,
                    "accounts/two_factor_codes.html",
                    {"codes": codes, "next": _next(request)},
                )
            form.add_error("code", WRONG_CODE)
        return self._page(request, form)


class TwoFactorVerifyView(View):
    template_name = "accounts/two_factor_verify.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": CodeForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        if form.is_valid():
            device = two_factor.device_for_code(acting_user(request), form.cleaned_data["code"])
            if device is not None:
                otp_login(request, device)
                return redirect(_next(request))
            form.add_error("code", WRONG_CODE)
        return render(request, self.template_name, {"form": form})

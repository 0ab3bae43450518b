"""The letter of intent or covenant as a Dutch PDF, from the current ambition, the agreements per
partner and the rules of play (through `core.pdf`, the project's one way to make a PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from samenspel.agreements import selectors
from samenspel.agreements.models import AmbitionVersion, Covenant, PartnerAgreement
from samenspel.core.pdf import pdf_filename, render_pdf

if TYPE_CHECKING:
    from django.http import HttpRequest


def covenant_pdf(
    covenant: Covenant, *, lang: str = "nl", request: HttpRequest | None = None
) -> tuple[bytes, str]:
    """The PDF bytes and a file name."""
    coalition = covenant.coalition
    title = f"{covenant.get_kind_display()} — {coalition.name}"
    agreements = list(
        PartnerAgreement.objects.of_coalition(coalition)
        .filter(partner__left_on__isnull=True)
        .select_related("partner")
        .order_by("partner__name")
    )
    signatories = selectors.signatories(covenant)
    parties = list(
        dict.fromkeys([a.partner.name for a in agreements] + [s.partner.name for s in signatories])
    )
    context = {
        "parties": parties,
        "covenant": covenant,
        "coalition": coalition,
        "ambition": AmbitionVersion.objects.of_coalition(coalition).first(),
        "agreements": agreements,
        "signatories": signatories,
        "today": timezone.localdate(),
    }
    data = render_pdf(
        "agreements/pdf/covenant.html", context, title=title, lang=lang, request=request
    )
    return data, pdf_filename(str(covenant.get_kind_display()), coalition.name)

"""`check --deploy`: links in e-mails must point to the public site over https."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def check_site_url(**kwargs: Any) -> list[Error]:
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.hostname not in {"127.0.0.1", "localhost"}:
        return []
    return [
        Error(
            f"SAMENSPEL_SITE_URL is {settings.SITE_URL!r}; links in e-mails need the public "
            "https address of the site, e.g. https://samenspel.example.nl.",
            id="samenspel.mail.E001",
        )
    ]

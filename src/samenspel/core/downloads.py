"""The one way a page hands over a file: as an attachment that no shared cache keeps."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    response["Cache-Control"] = "private, no-store"
    return response

"""The one way this project makes a PDF: a Django template rendered to HTML, then to PDF.

- WeasyPrint is imported lazily, on the first PDF: it loads Pango through cffi, which costs
  start-up time and needs system libraries (Debian: libpango-1.0-0, libpangoft2-1.0-0) that a
  process never making a PDF should not depend on.
- The PDF aims at PDF/UA (accessible PDF): tagged structure, document title and language set.
  `pdf/ua-1` is used when the installed WeasyPrint offers it; otherwise a tagged PDF is made.
- Nothing is fetched over the network while rendering: templates inline their styles, and any
  other URL is refused (no request leaves the server, and no server-side request forgery).
- The result is returned as bytes; nothing is written to (public) storage. A caller that must
  keep a PDF stores it in private storage itself.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.text import slugify

from samenspel.core.downloads import download

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

PDF_UA = "pdf/ua-1"
BASE_TEMPLATE = "pdf/base.html"


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries (Pango) are missing."""


def _weasyprint() -> Any:
    try:
        import weasyprint  # lazy on purpose, see the module docstring
    except (ImportError, OSError) as error:  # OSError: Pango cannot be loaded
        raise PdfUnavailable(f"WeasyPrint cannot be used: {error}") from error
    return weasyprint


@cache
def supports_pdf_ua() -> bool:
    """Whether the installed WeasyPrint can write PDF/UA-1."""
    try:
        from weasyprint.pdf import VARIANTS
    except (ImportError, OSError):
        return False
    return PDF_UA in VARIANTS


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Only inline `data:` URLs; everything else is refused (WeasyPrint logs and skips it)."""
    if url.startswith("data:"):
        return _weasyprint().default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"PDF rendering fetches nothing from outside: {url}")


def render_pdf(
    template_name: str,
    context: Mapping[str, Any],
    *,
    title: str,
    lang: str = "nl",
    request: HttpRequest | None = None,
) -> bytes:
    """Render `template_name` (which should extend `pdf/base.html`) to PDF bytes.

    `title` and `lang` become the document's title and language, both in the HTML (the
    template gets `pdf_title` and `pdf_lang`) and in the PDF's metadata, as PDF/UA requires."""
    html = render_to_string(
        template_name, {**context, "pdf_title": title, "pdf_lang": lang}, request=request
    )
    return html_to_pdf(html, title=title, lang=lang)


def svg_data_url(template_name: str, chart: Any) -> str:
    """An SVG chart (`template_name` renders it from `chart`) as a `data:` URL for an `<img>`:
    WeasyPrint tags an image with its alt text as a figure, which PDF/UA asks of a chart,
    whereas an inline SVG reaches the PDF untagged."""
    svg = render_to_string(template_name, {"chart": chart}).strip()
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


# A table's caption, written in a PDF as a paragraph just before its table.
CAPTION = re.compile(r"(<table\b[^>]*>)\s*<caption\b[^>]*>(.*?)</caption>", re.DOTALL)


def captions_before_tables(html: str) -> str:
    """WeasyPrint's PDF/UA tagging fails ("Table wrapper without a table") when a page break
    leaves a caption alone at the foot of a page, and no CSS break rule prevents that in every
    layout. In a PDF the caption therefore becomes a paragraph that keeps to its table."""
    return CAPTION.sub(r'<p class="pdf-caption">\2</p>\1', html)


def html_to_pdf(html: str, *, title: str, lang: str) -> bytes:
    """The PDF of a whole HTML document (`render_pdf` makes that document from a template)."""
    weasyprint = _weasyprint()
    html = captions_before_tables(html)
    document = weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).render()
    document.metadata.title = title
    document.metadata.lang = lang
    options: dict[str, Any] = {"pdf_tags": True}
    if supports_pdf_ua():
        options["pdf_variant"] = PDF_UA
    else:
        logger.warning("This WeasyPrint cannot write %s; writing a tagged PDF instead", PDF_UA)
    return document.write_pdf(**options)


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A PDF as a download that no shared cache keeps."""
    return download(data, "application/pdf", filename)


def pdf_filename(*parts: str) -> str:
    """A safe file name from readable parts: `pdf_filename("Scanresultaten", "Voorjaar 2026")`
    gives 'scanresultaten-voorjaar-2026.pdf'."""
    stem = "-".join(slug for part in parts if (slug := slugify(part)))
    return f"{stem or 'document'}.pdf"

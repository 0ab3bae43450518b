"""Helpers for tests: several database connections at the same moment (`run_together`), the
OpenAPI document of a few URL modules with the warnings it raised (`generated_schema`), and a
PDF's text with its streams inflated (`pdf_text`)."""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import connections
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

T = TypeVar("T")


def run_together(work: Callable[[], T], times: int = 2) -> tuple[list[T], list[BaseException]]:
    """Run `work` in `times` threads released at one moment, each on its own database connection
    (closed when it ends); what they returned and what they raised."""
    start = threading.Barrier(times)
    results: list[T] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait(timeout=10)
            results.append(work())
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def generated_schema(*url_modules: str) -> tuple[dict[str, Any], list[str]]:
    """The OpenAPI document that drf-spectacular generates for these URL modules (each mounted
    under api/v1/), and the warnings and errors it raised on the way."""
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        schema = SchemaGenerator(
            patterns=[path("api/v1/", include(module)) for module in url_modules]
        ).get_schema(request=None, public=True)
    problems = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
    GENERATOR_STATS.reset()
    return schema, problems


# A stream's data runs from the line break after `stream` to `endstream`. It is found by those
# keywords rather than its /Length; any line break before `endstream` is left in, since the
# compressed data itself may end in one.
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)


def pdf_text(data: bytes) -> bytes:
    """The PDF with its compressed streams inflated (object streams hold the metadata and the
    structure tree), so a test can look for a title or a tag without a PDF library."""
    parts = [data]
    for match in PDF_STREAM.finditer(data):
        try:
            # A decompressor object stops at the end of the zlib data and ignores what follows.
            parts.append(zlib.decompressobj().decompress(match.group(1)))
        except zlib.error:
            parts.append(match.group(1))
    return b"\n".join(parts)

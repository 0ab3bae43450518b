"""Property-based fuzzing of the whole API against its own OpenAPI document (schemathesis).

Every operation is called in-process (WSGI) on the demo data, once as a coordinator and once as a
partner member, with schema-valid and with schema-invalid input. The checks: no 5xx; status
codes, content types, headers and bodies as documented; invalid input refused. Path parameters
are filled with real objects of the person's coalition (found through the list endpoints), so
the fuzzing reaches past the tenancy gate instead of meeting 404 every time.

Writes stay inside the test's transaction; DELETEs run last so the other operations still find
their objects.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client as WsgiClient

from samenspel.accounts.models import ApiToken, User
from samenspel.demo.data import demo_email, load_demo

pytestmark = pytest.mark.django_db

EXAMPLES = {GenerationMode.POSITIVE: 3, GenerationMode.NEGATIVE: 3}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
PARAMETER = re.compile(r"{(\w+)}")
IDENTIFIERS = ("uuid", "key", "slug", "code")


@pytest.fixture
def wsgi_app() -> Iterator[WSGIHandler]:
    # Like Django's test client: a request must not close the connection that holds the test's
    # transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def schema(wsgi_app: WSGIHandler) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)


def _token(local: str) -> str:
    _token, raw = ApiToken.issue(User.objects.get(email=demo_email(local)), "fuzz")
    return raw


def _first_identifier(body: Any) -> str | None:
    items = body.get("results", body) if isinstance(body, dict) else body
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        return None
    return next((str(items[0][name]) for name in IDENTIFIERS if name in items[0]), None)


def known_path_values(
    app: WSGIHandler, paths: list[str], headers: dict[str, str], coalition: str
) -> dict[str, str]:
    """One real identifier per path parameter, read from the list endpoint above it. Through the
    WSGI app like the fuzzing itself: Django's test client would connect the connection-closing
    signal handlers again after its request."""
    client = WsgiClient(app)
    known = {"coalition": coalition}
    for path in sorted(paths, key=lambda p: p.count("{")):
        match = re.search(r"^(.*){(\w+)}$", path.rstrip("/"))
        if match is None or match.group(2) in known:
            continue
        names = PARAMETER.findall(match.group(1))
        if not all(name in known for name in names):
            continue
        response = client.get(match.group(1).format(**known), headers=headers)
        identifier = _first_identifier(response.get_json()) if response.status_code == 200 else None
        if identifier is not None:
            known[match.group(2)] = identifier
    return known


def _operations(schema: Any) -> list[Any]:
    operations = [result.ok() for result in schema.get_all_operations()]
    return sorted(operations, key=lambda operation: operation.method.upper() == "DELETE")


def _short(value: Any) -> str:
    return " ".join(str(value).split())[:300]


def fuzz(operation: Any, mode: GenerationMode, headers: dict[str, str], known: dict[str, str]):
    """Run one operation in one generation mode; return the failures' titles."""
    found: list[str] = []
    fixed = {name: value for name, value in known.items() if f"{{{name}}}" in operation.path}

    @settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=fixed))
    def run(case: Any) -> None:
        # A made-up If-Match always names an old version: 412 would hide every other check.
        # test_api_concurrency.py tests If-Match.
        if case.headers:
            case.headers.pop("If-Match", None)
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as group:
            found.extend(
                f"{operation.method.upper()} {operation.path} [{mode.value}]: {failure.title}"
                f"\n    {response.status_code} {case.media_type}: {_short(case.body)}"
                f"\n    {_short(getattr(failure, 'message', ''))}"
                for failure in group.exceptions
            )
        except AssertionError as error:  # a single failed check
            found.append(f"{operation.method.upper()} {operation.path} [{mode.value}]: {error}")

    # Unsatisfiable: nothing in this operation can be made invalid (no parameters, no body).
    with contextlib.suppress(Unsatisfiable):
        run()
    return found


@pytest.mark.parametrize("person", ["coordinator", "partner"])
def test_every_operation_keeps_its_documented_contract(schema, wsgi_app, person):
    load_demo("fuzz-wachtwoord")
    headers = {"Authorization": f"Token {_token(person)}"}
    coalition = str(User.objects.get(email=demo_email(person)).memberships.get().coalition.uuid)
    known = known_path_values(wsgi_app, list(schema.raw_schema["paths"]), headers, coalition)
    failures: list[str] = []
    for operation in _operations(schema):
        for mode in EXAMPLES:
            failures += fuzz(operation, mode, headers, known)
    summary = Counter(failure.split(": ", 1)[1].split("\n")[0] for failure in failures)
    assert not failures, f"{len(failures)} failures {dict(summary)}:\n" + "\n".join(
        sorted(set(failures))
    )


@pytest.mark.parametrize("person", ["coordinator", "partner", None])
def test_options_never_fails(schema, wsgi_app, person):
    """OPTIONS answers DRF's metadata to those who may read the endpoint, otherwise a problem."""
    load_demo("fuzz-wachtwoord")
    member = "coordinator"
    headers = {"Authorization": f"Token {_token(person or member)}"}
    coalition = str(User.objects.get(email=demo_email(member)).memberships.get().coalition.uuid)
    known = known_path_values(wsgi_app, list(schema.raw_schema["paths"]), headers, coalition)
    client = WsgiClient(wsgi_app)
    for path in schema.raw_schema["paths"]:
        response = client.options(
            PARAMETER.sub(lambda m: known.get(m.group(1), "x"), path),
            headers=headers if person else {},
        )
        assert response.status_code in {200, 401, 403, 404}, path
        if response.status_code != 200:
            assert response.content_type == "application/problem+json", path

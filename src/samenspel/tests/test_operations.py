"""What the service manager and the proxy rely on: health probes, request ids, JSON logs, WAL."""

import json
import logging
import logging.config

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError, connection
from django.urls import reverse
from rest_framework.test import APIClient

from samenspel.accounts.api.authentication import PersonalTokenAuthentication
from samenspel.accounts.tests.factories import UserFactory
from samenspel.conf.base import cache_settings, logging_settings
from samenspel.core import health
from samenspel.core.checks import check_shared_cache
from samenspel.core.requests_log import HEADER
from samenspel.core.views import AboutView


@pytest.mark.django_db
def test_liveness_and_readiness_answer_anonymously(client, django_assert_max_num_queries):
    assert client.get(reverse("healthz")).content == b"ok"
    with django_assert_max_num_queries(3):
        ready = client.get(reverse("readyz"))
    assert ready.status_code == 200
    assert ready.json() == {"database": "ok", "migrations": "ok", "cache": "ok"}
    assert "no-store" in ready["Cache-Control"]


@pytest.mark.django_db
def test_not_ready_without_the_database(client, monkeypatch):
    monkeypatch.setattr(health, "database_ok", lambda: False)
    ready = client.get(reverse("readyz"))
    assert ready.status_code == 503
    assert ready.json()["database"] == "failed"
    assert ready.json()["migrations"] == "failed"


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept_and_a_missing_one_made(client):
    kept = client.get(reverse("about"), headers={HEADER: "nginx-3f9a1c2b"})
    assert kept[HEADER] == "nginx-3f9a1c2b"
    made = client.get(reverse("about"), headers={HEADER: "<script>"})
    assert len(made[HEADER]) == 32
    assert made[HEADER] != client.get(reverse("about"))[HEADER]


@pytest.mark.django_db
def test_one_access_line_per_request_and_none_for_the_probes(client, caplog):
    caplog.set_level(logging.INFO, logger="samenspel.access")
    client.get(reverse("healthz"))
    client.get(reverse("readyz"))
    response = client.get(reverse("about"), headers={HEADER: "request-from-proxy"})
    lines = [record for record in caplog.records if record.name == "samenspel.access"]
    assert [(line.path, line.status) for line in lines] == [(reverse("about"), 200)]
    assert lines[0].request_id == response[HEADER] == "request-from-proxy"


def test_production_logs_are_one_json_object_a_line(capsys):
    logging.config.dictConfig(logging_settings(structured=True))
    try:
        logging.getLogger("samenspel.access").info("request", extra={"status": 200})
    finally:
        logging.config.dictConfig(settings.LOGGING)
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["logger"] == "samenspel.access"
    assert line["level"] == "INFO"
    assert line["status"] == 200
    assert line["request_id"] == "-"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000


def test_deploy_check_asks_for_a_shared_cache(settings):
    settings.CACHES = cache_settings("")
    assert [warning.id for warning in check_shared_cache()] == ["samenspel.core.W001"]
    settings.CACHES = cache_settings("redis://127.0.0.1:6379/0")
    assert check_shared_cache() == []


@pytest.fixture
def unraised_client(client):
    """A client that gets the handler's answer instead of the exception (as in production)."""
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
def test_a_database_that_cannot_be_reached_is_a_503_with_retry_after(unraised_client, monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(AboutView, "get", database_gone)
    page = unraised_client.get(reverse("about"))
    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert "no-store" in page["Cache-Control"]
    assert "Even niet bereikbaar" in page.content.decode()


@pytest.mark.django_db
def test_also_when_the_session_cannot_be_read(unraised_client, monkeypatch):
    unraised_client.force_login(UserFactory())

    def database_gone(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(SessionStore, "load", database_gone)
    assert unraised_client.get(reverse("coalitions:home")).status_code == 503


@pytest.mark.django_db
def test_other_errors_stay_a_500(unraised_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(AboutView, "get", broken)
    assert unraised_client.get(reverse("about")).status_code == 500


@pytest.mark.django_db
def test_the_api_answers_a_503_problem(monkeypatch):
    def database_gone(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(PersonalTokenAuthentication, "authenticate", database_gone)
    answer = APIClient().get(reverse("scans_api:instruments"), HTTP_AUTHORIZATION="Token x")
    assert answer.status_code == 503
    assert answer["Content-Type"] == "application/problem+json"
    assert answer["Retry-After"] == "5"
    assert answer.json()["title"] == "Tijdelijk niet beschikbaar"

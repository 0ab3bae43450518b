"""SAMENSPEL_SITE_URL and the outbox settings: malformed values stop the process, loudly."""

import pytest
from django.core.checks import run_checks

from samenspel.conf import env


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://samenspel.example.nl", "https://samenspel.example.nl"),
        ("https://samenspel.example.nl/", "https://samenspel.example.nl"),
        (" http://127.0.0.1:8000 ", "http://127.0.0.1:8000"),
    ],
)
def test_the_site_address_is_scheme_and_host(monkeypatch, raw, expected):
    monkeypatch.setenv("SAMENSPEL_SITE_URL", raw)
    assert env.site_address("SAMENSPEL_SITE_URL", "http://default") == expected


@pytest.mark.parametrize(
    "raw",
    [
        "samenspel.example.nl",
        "ftp://samenspel.example.nl",
        "https://samenspel.example.nl/samenspel",
        "https://samenspel.example.nl/?a=1",
        "https://user:secret@samenspel.example.nl",
        "https://samenspel.example.nl:poort",
        "https://",
    ],
)
def test_a_malformed_site_address_is_refused_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("SAMENSPEL_SITE_URL", raw)
    with pytest.raises(env.ConfigurationError, match="SAMENSPEL_SITE_URL"):
        env.site_address("SAMENSPEL_SITE_URL", "http://default")


@pytest.mark.parametrize("raw", ["0", "-3", "vijf"])
def test_attempts_must_be_a_positive_whole_number(monkeypatch, raw):
    monkeypatch.setenv("SAMENSPEL_MAIL_MAX_ATTEMPTS", raw)
    with pytest.raises(env.ConfigurationError, match="SAMENSPEL_MAIL_MAX_ATTEMPTS"):
        env.positive_integer("SAMENSPEL_MAIL_MAX_ATTEMPTS", 5)


@pytest.mark.parametrize(
    ("site_url", "complains"),
    [
        ("https://samenspel.example.nl", False),
        ("http://samenspel.example.nl", True),
        ("https://localhost:8000", True),
    ],
)
def test_the_deploy_check_wants_a_public_https_address(settings, site_url, complains):
    settings.SITE_URL = site_url
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert ("samenspel.mail.E001" in ids) is complains

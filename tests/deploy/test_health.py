"""/health/: up or down, for an anonymous probe, and nothing else."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_health_answers_ok_after_asking_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_health_answers_503_when_the_database_cannot_be_reached(client):
    with mock.patch(
        "camket.health.views.connection.cursor", side_effect=OperationalError("refused")
    ):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_health_is_not_redirected_to_https_but_other_pages_are(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


def test_health_accepts_no_post(client):
    assert client.post("/health/").status_code == 405

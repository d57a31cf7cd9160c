"""The database briefly unreachable: a 503 page (or JSON for the API) that says so, logged once,
rendered without the database; the next request after it is back is normal."""

import logging

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from camket.accounts.models import ApiToken

MESSAGE = "The database cannot be reached at the moment"


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def unreachable(error_class):
    def ensure_connection(self, *args, **kwargs):
        raise error_class("connection to server failed: Connection refused")

    return ensure_connection


@pytest.mark.parametrize("error_class", [OperationalError, InterfaceError])
def test_a_page_says_the_database_is_unreachable_then_works_again(
    world, monkeypatch, caplog, error_class
):
    client = Client(raise_request_exception=False)
    client.force_login(world.coordinator)
    with monkeypatch.context() as patch, caplog.at_level(logging.ERROR, "django.request"):
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", unreachable(error_class))
        response = client.get("/recommendations/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert MESSAGE in page and "Temporarily unavailable" in page
    assert 'href="/recommendations/"' not in page  # no navigation: no user was loaded
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert len(logged) == 1 and logged[0].exc_info[0] is error_class

    again = client.get("/recommendations/")
    assert again.status_code == 200
    assert MESSAGE not in again.content.decode()


def test_the_page_is_translated(world, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(world.coordinator)
    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", unreachable(OperationalError))
        response = client.get("/recommendations/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 503
    assert '<html lang="vi">' in response.content.decode()


def test_the_api_answers_json_503_then_works_again(world, monkeypatch):
    _, secret = ApiToken.issue(world.coordinator, "script")
    client = Client(raise_request_exception=False)
    headers = {"Authorization": f"Bearer {secret}"}
    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", unreachable(OperationalError))
        response = client.get("/api/recommendations", headers=headers)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert MESSAGE in response.json()["detail"]

    assert client.get("/api/recommendations", headers=headers).status_code == 200


def test_other_errors_stay_a_500(world, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(world.coordinator)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not the database")

    monkeypatch.setattr("camket.frameworks.views.render", broken)
    response = client.get("/recommendations/")
    assert response.status_code == 500
    assert MESSAGE not in response.content.decode()

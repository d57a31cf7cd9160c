"""404, 403, 400, CSRF failure and 500 pages: the site's layout, translated, a way back; a
500 is logged with its traceback and renders even when the database is down."""

import logging

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

TEXTS = {  # title, and a string of the layout (the skip link)
    "en": {"404": "Not found", "403": "Not allowed", "layout": "Skip to content"},
    "vi": {
        "404": "Không tìm thấy",
        "403": "Không có quyền truy cập",
        "layout": "Chuyển đến nội dung chính",
    },
}


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"


def in_layout(page: str, lang: str) -> bool:
    return (
        f'<html lang="{lang}">' in page
        and TEXTS[lang]["layout"] in page
        and 'class="brand" href="/"' in page
        and "camket/site.css" in page
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_not_found_uses_the_layout_and_the_language(client, world, lang):
    client.force_login(world.coordinator)
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=lang)
    page = response.content.decode()
    assert response.status_code == 404
    assert in_layout(page, lang) and TEXTS[lang]["404"] in page
    assert 'href="/recommendations/"' in page  # the signed-in navigation
    assert "data-back" in page  # a way back (site.js)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_forbidden_uses_the_layout_and_the_language(client, world, lang):
    client.force_login(world.viewer)
    response = client.get("/test-errors/forbidden/", HTTP_ACCEPT_LANGUAGE=lang)
    page = response.content.decode()
    assert response.status_code == 403
    assert in_layout(page, lang) and TEXTS[lang]["403"] in page
    assert "data-back" in page


def test_bad_request_uses_the_layout(client):
    response = client.get("/test-errors/bad/")
    assert response.status_code == 400
    page = response.content.decode()
    assert in_layout(page, "en") and "Bad request" in page


def test_csrf_failure_uses_the_layout_and_says_what_to_do(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.coordinator)
    response = client.post("/accounts/logout/")
    page = response.content.decode()
    assert response.status_code == 403
    assert in_layout(page, "en") and "The form has expired" in page
    assert "reload the page" in page


def test_a_server_error_gives_the_page_and_a_log_record_with_the_traceback(client, caplog):
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/test-errors/boom/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    page = response.content.decode()
    assert in_layout(page, "en") and "Something went wrong" in page and 'href="/"' in page
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    assert "boom for the test" in caplog.text and "Traceback" in caplog.text


def test_the_error_record_reaches_the_configured_handlers(settings):
    # django.request must propagate to the root logger, whose handlers print the traceback.
    assert logging.getLogger("django.request").propagate
    assert logging.getLogger("django").propagate
    assert settings.LOGGING["root"]["handlers"]


def test_the_server_error_page_needs_no_database(client, world, monkeypatch):
    client.force_login(world.coordinator)  # a session the page must not try to load
    client.raise_request_exception = False

    def no_database(self, *args, **kwargs):
        raise AssertionError("the 500 page touched the database")

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "cursor", no_database)
        response = client.get("/test-errors/database-down/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 500
    page = response.content.decode()
    assert in_layout(page, "vi")
    assert "set_language" not in page and "/i18n/setlang/" not in page  # no form without a token

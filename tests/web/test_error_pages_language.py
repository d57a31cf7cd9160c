"""The error pages in the reader's language: Accept-Language or the language cookie decide,
including for the 500 page, which Django renders without a request context."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"


def _client(how: str) -> Client:
    client = Client(raise_request_exception=False)
    if how == "cookie":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    return client


def _get(client: Client, path: str, how: str):
    headers = (
        {"HTTP_ACCEPT_LANGUAGE": "vi"} if how == "header" else {"HTTP_ACCEPT_LANGUAGE": "en"}
    )  # the cookie wins over the browser's language
    return client.get(path, **headers)


@pytest.mark.parametrize("how", ["header", "cookie"])
def test_the_server_error_page_is_in_vietnamese(how):
    response = _get(_client(how), "/test-errors/boom/", how)
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="vi">' in page and "Đã xảy ra lỗi" in page
    assert "Something went wrong" not in page


@pytest.mark.parametrize("how", ["header", "cookie"])
def test_not_found_and_bad_request_are_in_vietnamese(how):
    client = _client(how)
    not_found = _get(client, "/no-such-page/", how)
    assert not_found.status_code == 404 and "Không tìm thấy" in not_found.content.decode()
    bad = _get(client, "/test-errors/bad/", how)
    assert bad.status_code == 400 and "Yêu cầu không hợp lệ" in bad.content.decode()


def test_the_csrf_failure_page_is_in_vietnamese(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.coordinator)
    response = client.post("/accounts/logout/", HTTP_ACCEPT_LANGUAGE="vi")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in page and "The form has expired" not in page

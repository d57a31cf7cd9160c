"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Every test gets fresh browser contexts (cookies are never shared between tests) and leaves a
screenshot of each page it opened in test-artifacts/ for a human to look at.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread, so Django's async-safety check
# would refuse every ORM call the tests make; the live server itself runs in another thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CAMKET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TIMEOUT_MS = 10_000


def _unavailable(reason: str):
    """No browser: CI must run these tests, so fail there; elsewhere skip with the reason."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} — CI must run the browser tests.", pytrace=False)
    pytest.skip(f"{reason}: skipping the browser tests.")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def world(transactional_db, live_server):
    """The personas' world, committed so that the live server's thread can see it."""
    from tests.personas import make_world

    return make_world()


def _artifact_name(node) -> str:
    module = Path(node.fspath).stem
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{module}--{node.name}").strip("-")


@pytest.fixture
def make_page(browser, live_server, transactional_db, request):
    """make_page(user=None, lang="en", viewport=None): a page in its own context, in that UI
    language, signed in as `user` when one is given, at `viewport` ({"width": .., "height": ..},
    Playwright's 1280×720 when None). Each page is screenshotted when the test ends."""
    from django.conf import settings
    from django.test import Client

    opened = []

    def make(user=None, lang="en", viewport=None):
        options = {"viewport": viewport} if viewport else {}
        context = browser.new_context(base_url=live_server.url, locale="en-US", **options)
        context.set_default_timeout(TIMEOUT_MS)
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}]
        if user is not None:
            client = Client()
            client.force_login(user)
            cookies.append(
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            )
        context.add_cookies(cookies)
        page = context.new_page()
        opened.append((context, page))
        return page

    yield make

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = _artifact_name(request.node)
    for index, (context, page) in enumerate(opened):
        suffix = "" if index == 0 else f"-{index + 1}"
        try:
            page.screenshot(path=str(ARTIFACTS / f"{base}{suffix}.png"), full_page=True)
        except Exception as error:  # noqa: BLE001  (a screenshot must not hide the real result)
            print(f"screenshot of {base}{suffix} failed: {error}")
        context.close()


@pytest.fixture
def page(make_page):
    """An anonymous page with the default (English) language cookie."""
    return make_page()

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

# Browser tests test the UI; on PostgreSQL they run only where the page depends on what the
# database does differently (docs/decisions.md, "Browser tests on one database"). A file not
# listed here runs on both. Each entry: why the rest of the suite covers its database side.
SQLITE_ONLY = {
    "test_assessment.py": "a form flow; opinions' rules and queries are in tests/review",
    "test_consultation.py": "a form flow; consultations' services are in tests/consultations",
    "test_content_security_policy.py": "response headers and scripts; search is test_search's",
    "test_crosswalk.py": "links between pages; links and tags are in tests/links, tests/tagging",
    "test_decision.py": "a form and permissions; responses are in tests/frameworks, tests/review",
    "test_import.py": "upload and preview pages; the importers run on both in tests/importers",
    "test_inbox.py": "layout and navigation; the work counts are in tests/inbox",
    "test_laws.py": "diacritic-free search is folded in Python (legislation/listing.py)",
    "test_manage_accounts.py": "a form flow; accounts' services are in tests/accounts",
    "test_master_plan.py": "the flow's pages; plans, reports, dashboard are in their tests/ apps",
    "test_phone.py": "widths, menus and date formats: no query differs",
    "test_portal.py": "the portal's look and print; its scoping is in tests/public",
    "test_report_evidence.py": "a form keeping typed text with a file; evidence is in tests/reports",
    "test_sign_in.py": "the login form",
    "test_tagging.py": "buttons and bulk forms; suggestions' services are in tests/tagging",
    "test_translation.py": "an htmx inline form; translations are in tests/translations",
    "test_treaties_browser.py": "navigation; treaty status queries are in tests/treaties",
}


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "sqlite":
        return
    here = Path(__file__).parent
    for item in items:  # the hook sees every test of the session: only this folder's
        path = Path(str(item.fspath))
        reason = SQLITE_ONLY.get(path.name) if path.parent == here else None
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=f"UI only, run on SQLite: {reason}"))


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

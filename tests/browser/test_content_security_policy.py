"""Pages run under the Content-Security-Policy with no violation: htmx, site.js, Swagger UI."""

import pytest
from playwright.sync_api import expect

from tests.browser.support import switch_language
from tests.browser.test_search import result_links, search_for

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def watched(page):
    """`page` noting every CSP violation, from the event and from the console alike."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return console


def violations(page, console):
    return page.evaluate("window.__cspViolations") + console


def test_signed_in_pages_and_an_htmx_search_break_no_rule(make_page, world):
    page = make_page(world.coordinator)
    console = watched(page)

    response = page.goto("/recommendations/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    search_for(page, "dam")
    expect(result_links(page)).to_have_count(1)
    assert violations(page, console) == []

    page.goto("/dashboard/")
    switch_language(page, "vi")  # site.js sends the language form: no inline handler
    assert violations(page, console) == []

    page.goto("/api/docs")
    # The schema is large: Swagger UI may take a while on a busy machine.
    expect(page.locator(".swagger-ui .info .title")).to_be_visible(timeout=30_000)
    assert violations(page, console) == []


def test_anonymous_pages_break_no_rule(page, world):
    console = watched(page)
    for url in ["/accounts/login/", "/public/", "/no-such-page/"]:
        page.goto(url)
        assert violations(page, console) == [], url

"""Signing in through the login form, in both UI languages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    LANGUAGES,
    expect_language,
    other_language,
    switch_language,
)
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sign_in(make_page, world, live_server, lang):
    # Start in the other language and switch with the header's select, as a person would.
    page = make_page(lang=other_language(lang))
    page.goto("/recommendations/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/recommendations/$"))
    expect_language(page, other_language(lang))
    switch_language(page, lang)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    # A wrong password: an error, and still on the login page, still in the chosen language.
    page.fill("#id_username", world.coordinator.username)
    page.fill("#id_password", "not-the-password")
    page.locator("main form button[type=submit]").click()
    error = page.locator("main p.error[role=alert]")
    expect(error).to_be_visible()
    if lang == "en":
        expect(error).to_contain_text("didn't match")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect_language(page, lang)
    expect(page.locator("#id_password")).to_be_visible()

    # The right password: the recommendation list, signed in as the coordinator.
    page.fill("#id_username", world.coordinator.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/recommendations/")
    expect_language(page, lang)
    expect(page.locator("header .who")).to_have_text(world.coordinator.get_full_name())
    expect(page.locator("#id_q")).to_be_visible()
    expect(page.locator("main p.error")).to_have_count(0)

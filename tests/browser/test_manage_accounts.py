"""A coordinator creates an account in the web UI; the new person signs in with the temporary
password and must choose their own first. In both languages, wide and at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser
OWN_PASSWORD = "a-long-passphrase-of-my-own-42"


@pytest.fixture(autouse=True)
def _warm_server(live_server):
    """The first page served imports every URLconf and view (the live server shares this
    process): on a busy machine that takes longer than a page's 10 s timeout, so it is done
    once here, before the browser asks."""
    from django.test import Client

    Client().get("/accounts/login/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_create_an_account_then_sign_in_with_its_temporary_password(
    make_page, world, live_server, lang
):
    page = make_page(world.coordinator, lang=lang)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/manage/users/new/")
    expect_language(page, lang)
    page.fill("#id_username", "lan")
    page.fill("#id_first_name", "Lan")
    page.fill("#id_last_name", "Nguyễn Thị")
    page.select_option("#id_role", "focal_point")
    page.select_option("#id_agency", str(world.agency_b.pk))
    page.locator("main form button[type=submit]").click()
    password = page.locator("#temporary-password").inner_text().strip()
    assert len(password) >= 12

    person = make_page(lang=lang)
    person.goto("/accounts/login/")
    person.fill("#id_username", "lan")
    person.fill("#id_password", password)
    person.locator("main form button[type=submit]").click()
    expect(person).to_have_url(re.compile(r"/accounts/password/\?temporary=1$"))
    person.goto("/recommendations/")  # every page leads back until the password is theirs
    expect(person).to_have_url(re.compile(r"/accounts/password/\?temporary=1$"))
    person.fill("#id_old_password", password)
    person.fill("#id_new_password1", OWN_PASSWORD)
    person.fill("#id_new_password2", OWN_PASSWORD)
    person.locator("main form button[type=submit]").click()
    expect(person).to_have_url(re.compile(r"/accounts/password/done/$"))
    person.goto("/recommendations/")
    expect(person).to_have_url(f"{live_server.url}/recommendations/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_people_list_fits_a_phone(make_page, world, lang):
    page = make_page(world.coordinator, lang=lang)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/manage/users/")
    expect_language(page, lang)
    expect(page.locator("main table")).to_contain_text("officer_a")
    # The table scrolls inside its own box instead of widening the page's content.
    box = page.locator("main .table-scroll").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390 + 1

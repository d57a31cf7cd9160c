"""A reader goes from the instruments Viet Nam has not joined to one of them, to the
recommendation asking Viet Nam to join it, and to that recommendation's page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import LANGUAGES, expect_language
from tests.treaties.status_fixtures import make_treaty_world

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_instruments_not_joined_to_the_recommendation_asking_for_one(make_page, world, lang):
    treaty = make_treaty_world(world)
    ced = treaty["CED"]
    name = ced.name_vi if lang == "vi" else ced.name
    page = make_page(world.viewer, lang)

    page.goto("/treaties/")
    expect_language(page, lang)
    table = page.locator("table#treaty-status")
    expect(table.locator("tr[data-key=CED]")).to_be_visible()
    expect(table.locator("tr[data-key=ICCPR]")).to_have_count(0)  # joined: not shown
    row = table.locator("tr[data-key=CED]")
    expect(row.locator("th a")).to_have_text(name)
    expect(row.locator("a.asking")).to_have_text("1")

    row.locator("a.asking").click()
    expect(page).to_have_url(re.compile(r"/treaties/CED/\?state=VNM#asking$"))
    expect_language(page, lang)
    expect(page.locator("h1")).to_contain_text(name)
    expect(page.locator("#state-status")).to_have_class(re.compile(r"\bnot_party\b"))
    items = page.locator("table#asking-items tbody tr")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text(world.framework.name)

    items.first.get_by_role("link", name="2.1").click()
    expect(page).to_have_url(re.compile(rf"/recommendations/{treaty.ced_item.pk}/$"))
    expect_language(page, lang)
    expect(page.locator("h1")).to_contain_text("2.1")


def test_filters_keep_the_state_and_the_table_scrolls_on_a_narrow_screen(make_page, world):
    make_treaty_world(world)
    page = make_page(world.viewer, "en")
    page.set_viewport_size({"width": 380, "height": 800})
    page.goto("/treaties/?state=VNM")
    page.locator("select#joined").select_option("yes")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"state=VNM.*joined=yes"))
    table = page.locator("table#treaty-status")
    expect(table.locator("tr[data-key=ICCPR]")).to_be_visible()
    expect(table.locator("tr[data-key=CED]")).to_have_count(0)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 400  # the table scrolls inside its box, not the whole page

"""The coordinator records the state's response on a recommendation's page; officers cannot."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from camket.frameworks.models import Recommendation
from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser

REASON = "Under study by the Ministry of Public Security (browser test)."


def decision_form(page):
    return page.locator("main form[action$='/decide/']")


def history_items(page):
    return page.locator("section[aria-labelledby=history-title] ul.history > li")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coordinator_records_a_decision(make_page, world, live_server, lang):
    recommendation = world.published
    url = f"/recommendations/{recommendation.pk}/"
    page = make_page(world.coordinator, lang)
    page.goto(url)
    expect_language(page, lang)
    form = decision_form(page)
    expect(form).to_be_visible()
    expect(page.locator("main dl.meta .badge.noted")).to_have_count(0)

    form.locator("select[name=response]").select_option("noted")
    form.locator("textarea[name=reason]").fill(REASON)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}{url}")
    expect_language(page, lang)
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    expect(page.locator("main ul.messages li.error")).to_have_count(0)
    # The new response badge, and the reason, in the recommendation's details.
    expect(page.locator("main dl.meta .badge.noted")).to_have_count(1)
    expect(page.locator("main dl.meta")).to_contain_text(REASON)
    # The form now starts from the recorded response.
    expect(decision_form(page).locator("select[name=response]")).to_have_value("noted")

    # History: the newest entry is the change, made by the coordinator, showing the new value.
    latest = history_items(page).first
    expect(latest).to_contain_text(world.coordinator.get_full_name())
    changes = latest.locator("li.change")
    with translation.override(lang):
        noted = str(Recommendation.Response.NOTED.label)
    expect(changes.filter(has_text=re.compile(rf"→ {re.escape(noted)}$"))).to_have_count(1)
    expect(changes.filter(has_text=re.compile(rf"— → {re.escape(REASON)}$"))).to_have_count(1)

    recommendation.refresh_from_db()
    assert recommendation.response == Recommendation.Response.NOTED
    assert recommendation.response_reason == REASON
    assert recommendation.decided_by == world.coordinator


def test_history_shows_readable_values(make_page, world):
    page = make_page(world.coordinator, "en")
    page.goto(f"/recommendations/{world.published.pk}/")
    form = decision_form(page)
    form.locator("select[name=response]").select_option("noted")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    changes = history_items(page).first.locator("li.change")
    expect(changes.filter(has_text=re.compile(r"→ \d+$"))).to_have_count(0, timeout=1000)
    names = f"({world.coordinator.username}|{world.coordinator.get_full_name()})"
    decided_by = changes.filter(has_text=re.compile(rf"→ {names}$"))
    expect(decided_by).to_have_count(1, timeout=1000)
    expect(changes.filter(has_text=re.compile(r"→ Noted$"))).to_have_count(1, timeout=1000)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_officer_sees_no_decision_form(make_page, world, lang):
    page = make_page(world.officer_a, lang)
    response = page.goto(f"/recommendations/{world.published.pk}/")
    assert response.status == 200
    expect_language(page, lang)
    expect(page.locator("main h1")).to_contain_text(world.published.reference)
    expect(decision_form(page)).to_have_count(0)
    expect(page.locator("main select[name=response]")).to_have_count(0)
    expect(page.locator("#decision-title")).to_have_count(0)
    expect(page.locator("main form[action$='/send/']")).to_have_count(0)
    expect(page.locator("section[aria-labelledby=history-title]")).to_be_visible()

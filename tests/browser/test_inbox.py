"""Signed in, a focal point lands on "My work", sees the request and its notification, and
opens it; at a desktop width and a phone's, in both languages."""

from datetime import date

import pytest
from playwright.sync_api import expect

from camket.inbox.models import Notification
from camket.review.models import Assessment
from camket.review.services import send_for_review
from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_focal_point_lands_on_their_work(make_page, world, live_server, lang, width):
    send_for_review(world.coordinator, [world.published], [world.agency_a],
                    due_on=date(2026, 7, 1))
    assessment = Assessment.objects.get(recommendation=world.published, agency=world.agency_a)
    page = make_page(world.officer_a, lang)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/inbox/")
    expect_language(page, lang)
    # Two requests: the persona's world asked agency A about 1.3 before; 1.1 now.
    expect(page.locator("#opinions_requested h2 .badge")).to_have_text("2")
    expect(page.locator(f"#opinions_requested a[href='/assessments/{assessment.pk}/']")
           ).to_contain_text("1.1")
    # The notification opens the request and is then read.
    notice = page.locator(".notifications button")
    expect(notice).to_have_count(1)
    with page.expect_navigation():
        notice.click()
    expect(page).to_have_url(f"{live_server.url}/assessments/{assessment.pk}/")
    assert Notification.objects.get(recipient=world.officer_a).read_at is not None
    # Back on "My work" (screenshotted for a look at this width): no unread notice left.
    again = make_page(world.officer_a, lang)
    again.set_viewport_size({"width": width, "height": 844})
    again.goto("/inbox/")
    expect(again.locator(".notifications")).to_have_count(0)
    expect(again.locator("#reports_overdue, #opinions_requested")).to_have_count(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_viewer_is_told_nothing_waits(make_page, world, lang):
    page = make_page(world.viewer, lang)
    page.goto("/inbox/")
    expect_language(page, lang)
    expect(page.locator("main .empty")).to_have_count(1)
    expect(page.locator("main table")).to_have_count(0)

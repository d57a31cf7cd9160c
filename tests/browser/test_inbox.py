"""Signed in, a focal point lands on "My work", sees the request and its notification, and
opens it; at a desktop width and a phone's, in both languages."""

import re
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
    send_for_review(world.coordinator, [world.published], [world.agency_a], due_on=date(2026, 7, 1))
    assessment = Assessment.objects.get(recommendation=world.published, agency=world.agency_a)
    page = make_page(world.officer_a, lang)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/inbox/")
    expect_language(page, lang)
    # Two requests: the persona's world asked agency A about 1.3 before; 1.1 now.
    expect(page.locator("#opinions_requested h2 .badge")).to_have_text("2")
    expect(
        page.locator(f"#opinions_requested a[href='/assessments/{assessment.pk}/']")
    ).to_contain_text("1.1")
    # The notification opens the request and is then read.
    notice = page.locator(".notifications button")
    expect(notice).to_have_count(1)
    _assert_readable_and_left_aligned(notice)
    page.emulate_media(media="print")
    expect(notice).to_be_visible()
    page.emulate_media(media="screen")
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


# The colour of the element and the first background behind it that is not transparent.
COLOURS = """element => {
  let behind = element, background = 'rgba(0, 0, 0, 0)';
  while (behind && ['rgba(0, 0, 0, 0)', 'transparent'].includes(background)) {
    background = getComputedStyle(behind).backgroundColor;
    behind = behind.parentElement;
  }
  const style = getComputedStyle(element);
  return {colour: style.color, background, align: style.textAlign};
}"""


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"[\d.]+", css_colour)[:3])
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _assert_readable_and_left_aligned(notice):
    seen = notice.evaluate(COLOURS)
    assert seen["colour"] != seen["background"], seen
    # WCAG's contrast ratio; 4.5 is the least for text (white on the page's grey is 1.07).
    assert _contrast(seen["colour"], seen["background"]) >= 4.5, seen
    assert seen["align"] in ("left", "start"), seen
    # Next to its bullet: the button starts where its list item's text does.
    item = notice.locator("xpath=ancestor::li[1]").bounding_box()
    assert abs(notice.bounding_box()["x"] - item["x"]) < 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_viewer_is_told_nothing_waits(make_page, world, lang):
    page = make_page(world.viewer, lang)
    page.goto("/inbox/")
    expect_language(page, lang)
    expect(page.locator("main .empty")).to_have_count(1)
    expect(page.locator("main table")).to_have_count(0)

"""The main pages at a desktop width (1366 px) and a phone's (390 px), in both languages, for
the coordinator and a focal point: each opens, fits the screen's width, shows the language's
date format and, on the phone, folds the menu behind its button."""

import re
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# Outside pytest's own temporary directories, which concurrent runs prune: a person looks here.
SCREENSHOTS = Path(tempfile.gettempdir()) / "camket-screenshots"
# The plan world's actions start on 1 January 2025.
START_DATE = {"vi": "01/01/2025", "en": "2025-01-01"}

# Where the page is wider than the window, the elements that stick out (for the failure text).
WIDER_THAN_WINDOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
               + (el.className && typeof el.className === 'string' ? '.' + el.className : ''));
}"""


@pytest.fixture
def portal_world(world):
    from tests.personas import make_plan_world
    from tests.public.portal_world import make_portal_world

    cache.clear()
    yield make_portal_world(make_plan_world(world))
    cache.clear()


def _pages(portal_world) -> list[str]:
    world = portal_world.plan_world.world
    action = portal_world.plan_world.action_a
    return [
        reverse("recommendation-list"),
        reverse("recommendation-detail", args=[world.published.pk]),
        reverse("plan-list"),
        reverse("plan-detail", args=[portal_world.plan_world.plan.pk]),
        reverse("action-list"),
        reverse("action-detail", args=[action.pk]),
        reverse("report-queue"),
        reverse("dashboard"),
        reverse("treaty-status"),
        reverse("agreement-list"),
        reverse("legislation:list"),
        reverse("documents"),
        reverse("public-home"),
        reverse("public-framework", args=[portal_world.framework.slug]),
    ]


def _open(page, path: str, lang: str, shots, name: str):
    response = page.goto(path)
    status = response.status if response is not None else None
    assert status == 200, f"{path} answered {status}"
    expect_language(page, lang)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def _fits_the_window(page, path: str) -> None:
    sticking_out = page.evaluate(WIDER_THAN_WINDOW)
    assert sticking_out == [], f"{path} is wider than the window: {sticking_out}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("persona", ["coordinator", "officer_a"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_the_main_pages_at_desktop_and_phone_widths(
    make_page, portal_world, request, lang, persona, viewport
):
    shots = SCREENSHOTS / re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    shots.mkdir(parents=True, exist_ok=True)
    user = getattr(portal_world.plan_world.world, persona)
    page = make_page(user=user, lang=lang, viewport=viewport)
    phone = viewport is PHONE
    for index, path in enumerate(_pages(portal_world)):
        name = f"{index:02d}-{path.strip('/').replace('/', '_') or 'home'}"
        _open(page, path, lang, shots, name)
        if phone:
            _fits_the_window(page, path)
    print(f"screenshots: {shots}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_folds_behind_its_button_on_a_phone(make_page, portal_world, lang):
    page = make_page(user=portal_world.plan_world.world.officer_a, lang=lang, viewport=PHONE)
    page.goto(reverse("recommendation-list"))
    expect(page.locator("#main-nav")).to_be_hidden()
    expect(page.locator("#main-nav a").first).to_be_hidden()
    expect(page.locator("select#language")).to_be_visible()
    button = page.locator("label.nav-button")
    expect(button).to_be_visible()

    button.click()
    expect(page.locator("#main-nav")).to_be_visible()
    plan_link = page.locator(f"#main-nav a[href='{reverse('plan-list')}']")
    expect(plan_link).to_be_visible()
    _fits_the_window(page, "the open menu")
    with page.expect_navigation():
        plan_link.click()
    expect(page).to_have_url(re.compile(re.escape(reverse("plan-list")) + "$"))
    expect(page.locator("#main-nav")).to_be_hidden()  # a new page starts with the menu folded

    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")  # the menu's checkbox, behind the button
    page.keyboard.press("Space")
    expect(page.locator("#main-nav")).to_be_visible()


def test_the_menu_is_open_at_desktop_width(make_page, portal_world):
    page = make_page(user=portal_world.plan_world.world.coordinator, lang="vi", viewport=DESKTOP)
    page.goto(reverse("recommendation-list"))
    expect(page.locator("label.nav-button")).to_be_hidden()
    expect(page.locator(f"#main-nav a[href='{reverse('plan-list')}']")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_are_written_in_the_language_s_format(make_page, portal_world, lang):
    action = portal_world.plan_world.action_a
    page = make_page(user=portal_world.plan_world.world.coordinator, lang=lang, viewport=PHONE)
    page.goto(reverse("action-detail", args=[action.pk]))
    main = page.locator("main")
    expect(main).to_contain_text(START_DATE[lang])
    other = START_DATE["en" if lang == "vi" else "vi"]
    expect(main).not_to_contain_text(other)


def test_print_leaves_out_the_menu_and_filters_and_keeps_real_tables(make_page, portal_world):
    page = make_page(user=portal_world.plan_world.world.coordinator, lang="vi", viewport=PHONE)
    page.goto(reverse("plan-list"))
    table = page.locator("main table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"  # scrolls on a phone
    on_screen = ("label.nav-button", "header.top .tools", "main a.button")  # "New plan"
    for selector in on_screen:
        expect(page.locator(selector).first).to_be_visible()
    page.emulate_media(media="print")
    for selector in (*on_screen, "header.top nav"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    assert table.evaluate("t => getComputedStyle(t).display") == "table"

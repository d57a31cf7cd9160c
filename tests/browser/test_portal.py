"""The public portal as an anonymous visitor, in both languages; and what prints."""

import re
import shutil

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser


@pytest.fixture
def portal_world(world):
    from tests.personas import make_plan_world
    from tests.public.portal_world import make_portal_world

    cache.clear()
    yield make_portal_world(make_plan_world(world))
    cache.clear()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_anonymous_visitor_reads_the_portal(make_page, portal_world, lang):
    framework, item = portal_world.framework, portal_world.item
    page = make_page(lang=lang)
    page.goto("/public/")
    expect_language(page, lang)
    page.locator("table").get_by_role("link", name=framework.label(lang), exact=True).click()
    expect(page.locator("h1")).to_have_text(framework.label(lang))
    expect(page.locator(".portal-donut svg").first).to_be_visible()

    page.locator("#q").fill("mua ban nguoi")  # diacritics folded: "mua bán người"
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator(".portal-item")).to_have_count(1)
    expect(page.locator(".portal-item .ref")).to_have_text(item.reference)

    page.locator("#q").fill("")
    page.locator("#response").select_option("supported")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"response=supported"))
    expect(page.locator(".portal-item .ref")).to_have_text([item.reference])

    page.locator(".portal-item .ref").click()
    expected = reverse("public-item", args=[framework.slug, item.reference])
    expect(page).to_have_url(re.compile(re.escape(expected) + "$"))
    shown = item.text_vi if lang == "vi" else item.text
    expect(page.locator("main .card p.text").first).to_have_text(shown)
    expect(page.get_by_text("PUBMARK-NARRATIVE")).to_be_visible()
    expect(page.get_by_text("SECRET", exact=False)).to_have_count(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="PUBMARK-file.pdf").click()
    assert download.value.suggested_filename == "PUBMARK-file.pdf"

    # The language switch is a link: it works without signing in.
    other = "en" if lang == "vi" else "vi"
    page.locator(f"nav.lang a[hreflang={other}]").click()
    expect_language(page, other)
    expect(page).to_have_url(re.compile(re.escape(expected) + "$"))
    page.locator(f"nav.lang a[hreflang={lang}]").click()
    expect_language(page, lang)
    page.goto(f"/public/{framework.slug}/")
    page.screenshot(path=f"/tmp/portal-{lang}.png", full_page=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(f"/tmp/portal-{lang}.png", ARTIFACTS / f"portal-{lang}.png")


def _expect_printed_without_navigation(page, content) -> None:
    page.emulate_media(media="print")
    expect(page.locator("header.top nav").first).to_be_hidden()
    expect(content).to_be_visible()


def test_portal_pages_print_without_navigation(make_page, portal_world):
    page = make_page(lang="en")
    framework = portal_world.framework
    page.goto(f"/public/{framework.slug}/")
    _expect_printed_without_navigation(page, page.locator(".portal-item").first)
    expect(page.locator("nav.lang")).to_be_hidden()
    expect(page.locator("form.filters")).to_be_hidden()
    page.goto(reverse("public-item", args=[framework.slug, portal_world.item.reference]))
    _expect_printed_without_navigation(page, page.get_by_text("PUBMARK-NARRATIVE"))


def test_main_site_pages_print_without_navigation_or_sign_out(make_page, portal_world):
    coordinator = portal_world.plan_world.world.coordinator
    page = make_page(coordinator, "en")
    page.goto("/recommendations/")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    _expect_printed_without_navigation(page, page.locator("#results table").first)
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    expect(page.locator("#search")).to_be_hidden()
    page.goto(reverse("recommendation-detail", args=[portal_world.item.pk]))
    _expect_printed_without_navigation(page, page.locator("h1"))
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    page.goto(reverse("action-detail", args=[portal_world.action.pk]))
    _expect_printed_without_navigation(page, page.locator("h1"))
    expect(page.locator("select#language")).to_be_hidden()

"""The coordinator goes through the classifier's suggestions: accepts one on the recommendation's
page, rejects the rest in bulk below a confidence; the viewer only reads them."""

import pytest
from playwright.sync_api import expect

from camket.tagging import suggestions
from camket.tagging.models import Suggestion
from tests.browser.support import LANGUAGES, expect_language
from tests.personas import make_recommendation

pytestmark = pytest.mark.browser


@pytest.fixture
def suggested(world, tiny_tagger):
    recommendation = make_recommendation(
        world.framework,
        "2.1",
        "Ratify the Convention against Torture and prevent torture in detention.",
    )
    suggestions.suggest([recommendation], tiny_tagger)
    return recommendation


def rows(page):
    return page.locator("section[aria-labelledby=suggestions-title] tbody tr")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coordinator_accepts_then_rejects_the_rest(make_page, world, suggested, lang):
    pending = suggested.suggestions.filter(state="pending")
    best = pending.order_by("-confidence").first()
    total = pending.count()
    page = make_page(world.coordinator, lang)
    page.goto(f"/recommendations/{suggested.pk}/")
    expect_language(page, lang)
    expect(rows(page)).to_have_count(total)
    row = rows(page).filter(has=page.locator(f"form[action$='/suggestions/{best.pk}/accept/']"))
    expect(row.locator("meter")).to_have_attribute("value", str(best.percent))
    for word in best.reasons:
        expect(row).to_contain_text(word)
    with page.expect_navigation():
        row.locator(f"form[action$='/{best.pk}/accept/'] button").click()
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    expect(rows(page).locator(".badge.accepted")).to_have_count(1)
    best.refresh_from_db()
    assert best.state == "accepted"
    if best.category_id:
        assert suggested.categories.filter(pk=best.category_id).exists()

    page.goto("/suggestions/")
    expect_language(page, lang)
    page.locator("#bulk-reject").fill("1")
    with page.expect_navigation():
        page.locator("form:has(#bulk-reject) button[type=submit]").click()
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    assert not Suggestion.objects.filter(state="pending").exists()
    assert Suggestion.objects.filter(state="rejected").count() == total - 1


def test_viewer_reads_suggestions_without_deciding(make_page, world, tiny_tagger):
    suggestions.suggest([world.published], tiny_tagger)
    page = make_page(world.viewer, "vi")
    page.goto(f"/recommendations/{world.published.pk}/")
    expect(rows(page).first).to_be_visible()
    expect(page.locator("form[action*='/suggestions/']")).to_have_count(0)

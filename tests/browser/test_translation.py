"""An assigned agency's officer enters an item's Vietnamese text inline (htmx), and a
Vietnamese reader then reads it first, the English original one click away."""

import pytest
from playwright.sync_api import expect

from camket.frameworks.models import Recommendation
from tests.browser.support import LANGUAGES

pytestmark = pytest.mark.browser

TEXT = "Thành lập cơ quan nhân quyền quốc gia độc lập."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_officer_enters_the_vietnamese_text_inline(make_page, world, lang):
    item = world.sent_to_a  # a draft agency A was asked about: agency A may translate it
    Recommendation.objects.filter(pk=item.pk).update(
        text="Establish an independent NHRI.", text_vi=""
    )
    page = make_page(world.officer_a, lang)
    # The first page of a test run loads the similarity index: slow on a busy machine.
    page.goto(f"/recommendations/{item.pk}/", timeout=60_000)
    block = page.locator("#item-texts")
    expect(block.locator(".badge.lang-missing")).to_be_visible()
    block.locator("details summary").last.click()
    block.locator("textarea[name=text_vi]").fill(TEXT)
    block.locator("button[type=submit]").click()
    # htmx swaps the block in place: no navigation, the new text shown
    expect(page.locator("#item-texts [role=status]")).to_be_visible()
    expect(page.locator("#item-texts .badge.lang-missing")).to_have_count(0)
    assert Recommendation.objects.get(pk=item.pk).text_vi == TEXT
    reader = make_page(world.coordinator, "vi")
    reader.goto(f"/recommendations/{item.pk}/")
    expect(reader.locator("#item-texts > p.text")).to_have_text(TEXT)
    reader.locator("#item-texts details summary").first.click()
    expect(reader.locator("#item-texts details p[lang=en]")).to_have_text(
        "Establish an independent NHRI."
    )

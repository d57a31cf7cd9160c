"""The list page's search box: htmx replaces #results as the coordinator types."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser


def search_for(page, words: str) -> None:
    """Type `words` into #id_q like a person, and wait for htmx's answer to that query."""
    box = page.locator("#id_q")
    box.fill("")

    def answers(response) -> bool:
        query = parse_qs(urlsplit(response.url).query)
        return response.request.headers.get("hx-request") == "true" and query.get("q") == [words]

    with page.expect_response(answers) as answer:
        box.press_sequentially(words)
    assert answer.value.ok, answer.value.status


def result_links(page):
    return page.locator("#results tbody a[href*='/recommendations/']")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_folds_diacritics(make_page, world, lang):
    page = make_page(world.coordinator, lang)
    page.goto("/recommendations/")
    expect_language(page, lang)
    # The coordinator sees all three recommendations, drafts included.
    expect(result_links(page)).to_have_count(3)

    # "mua ban" without diacritics finds the published one by its Vietnamese translation.
    search_for(page, "mua ban")
    expect(result_links(page)).to_have_count(1)
    expect(result_links(page)).to_have_text(world.published.reference)
    expect(result_links(page)).to_have_attribute("href", f"/recommendations/{world.published.pk}/")
    row = page.locator("#results tbody tr")
    if lang == "vi":
        expect(row).to_contain_text("mua bán người")  # the list shows the translation in vi
    else:
        expect(row).to_contain_text(world.published.text)
    expect(page).to_have_url(re.compile(r"[?&]q=mua(\+|%20)ban"))  # hx-push-url

    # "dam" finds the one starting "Đảm bảo".
    search_for(page, "dam")
    expect(result_links(page)).to_have_count(1)
    expect(result_links(page)).to_have_text(world.sent_to_a.reference)
    expect(page.locator("#results tbody tr")).to_contain_text("Đảm bảo")
    expect(page).to_have_url(re.compile(r"[?&]q=dam(&|$)"))

    # A nonsense word: no results at all, and the count says 0.
    search_for(page, "xyzzyqwv")
    expect(result_links(page)).to_have_count(0)
    expect(page.locator("#results tbody tr td.muted")).to_have_count(1)
    expect(page.locator("#results p.count")).to_contain_text("0")
    expect_language(page, lang)

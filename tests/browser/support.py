"""Small helpers shared by the browser tests."""

from playwright.sync_api import Page, expect

LANGUAGES = ["vi", "en"]


def expect_language(page: Page, lang: str) -> None:
    """The page is rendered in `lang` (asserted on <html lang>, not on translated wording)."""
    expect(page.locator("html")).to_have_attribute("lang", lang)


def other_language(lang: str) -> str:
    return "en" if lang == "vi" else "vi"


def switch_language(page: Page, lang: str) -> None:
    """Choose `lang` in the header's language select, which posts to /i18n/setlang/."""
    with page.expect_navigation():
        page.locator("select#language").select_option(lang)
    expect_language(page, lang)

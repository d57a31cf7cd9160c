"""Importing a file on /imports/: refused files write nothing; a good one is previewed, then
imported when the coordinator confirms."""

import re

import pytest
from playwright.sync_api import expect

from camket.frameworks.models import Recommendation
from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser

HEADER = "Reference,Text,Recommending states\n"


def write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def check_file(page, path, framework_slug: str = "") -> None:
    """Choose the file (and framework) and press the form's submit button ("Check the file")."""
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_framework").select_option(framework_slug)
    with page.expect_navigation():
        page.locator("main form[enctype='multipart/form-data'] button[type=submit]").click()


def refusal(page):
    """The preview card's error list (present only when the file was refused)."""
    preview = page.locator("section[aria-live=polite]")
    expect(preview.locator("p.error[role=alert]")).to_be_visible()
    expect(preview.locator("button[name=confirm]")).to_have_count(0)
    return preview.locator("ul.errors li")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_import_refuses_bad_files_then_imports_a_good_one(make_page, world, tmp_path, lang):
    slug = world.framework.slug
    before = Recommendation.objects.count()
    page = make_page(world.coordinator, lang)
    page.goto("/imports/")
    expect_language(page, lang)
    expect(page.locator(f"#id_framework option[value='{slug}']")).to_have_count(1)

    # The second data row (row 3 of the file, counting the header) has no text.
    bad = write(tmp_path, "bad.csv", HEADER + "9.1,Protect journalists.,Norway\n9.2,,France\n")
    check_file(page, bad, slug)
    expect(page).to_have_url(re.compile(r"/imports/$"))
    errors = refusal(page)
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text("“Text”")
    expect(errors).to_have_text(re.compile(r"\b3\b"))
    if lang == "en":
        expect(errors).to_have_text(re.compile(r"^Row 3, column “Text”: "))
    assert Recommendation.objects.count() == before

    # A file that is not a table nor a Word document is refused by its name.
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    check_file(page, pdf, slug)
    errors = refusal(page)
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text(".pdf")
    expect(page.locator("section[aria-live=polite] h2")).to_contain_text("x.pdf")
    assert Recommendation.objects.count() == before

    # A good file with two rows, for the framework chosen in the select: previewed first...
    good = write(
        tmp_path,
        "good.csv",
        HEADER + "9.1,Protect journalists.,Norway\n"
        "9.2,Ratify the Convention against Torture "
        "optional protocol.,France;Germany\n",
    )
    check_file(page, good, slug)
    preview = page.locator("section[aria-live=polite]")
    confirm = preview.locator("button[name=confirm]")
    expect(confirm).to_be_visible()
    expect(preview.locator("p.error")).to_have_count(0)
    counts = preview.locator("p").filter(has_text=re.compile(r"\d")).first
    expect(counts).to_have_text(re.compile(r"\b2\b"))
    assert sorted(re.findall(r"\d+", counts.inner_text())) == ["0", "0", "2"]
    expect(preview).to_contain_text(slug)
    assert Recommendation.objects.count() == before  # nothing is written before confirming

    # ...then imported on confirmation.
    with page.expect_navigation():
        confirm.click()
    expect(page).to_have_url(re.compile(r"/imports/$"))
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    expect(page.locator("main ul.messages li.success")).to_contain_text("good.csv")
    assert Recommendation.objects.count() == before + 2
    imported = Recommendation.objects.filter(
        framework=world.framework, reference__in=["9.1", "9.2"]
    )
    assert imported.count() == 2
    assert set(imported.values_list("status", flat=True)) == {"draft"}
    states = set(imported.get(reference="9.2").recommending_states.values_list("name", flat=True))
    assert states == {"France", "Germany"}
    # The recent imports list now names the file.
    expect(page.locator("section[aria-live=polite]")).to_contain_text("good.csv")
    expect_language(page, lang)

"""A reader walks the crosswalk: from a UPR recommendation on drugs to the drug programme's
task linked to it, from there by its SDG target 3.5 to every item tagged 3.5, and back."""

import pytest
from playwright.sync_api import expect

from camket.demo.frameworks import DEFINITIONS
from camket.demo.frameworks.slugs import DRUG_PROGRAMME
from camket.frameworks import definitions
from camket.frameworks.models import Category, Recommendation
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.links.services import add_link
from tests.browser.support import LANGUAGES, expect_language
from tests.personas import make_recommendation

pytestmark = pytest.mark.browser

WORDS = {
    "vi": {
        "received": "Nhận đóng góp từ",
        "contributes": "Đóng góp vào",
        "programme": "Chương trình quốc gia phòng, chống ma túy giai đoạn 2021–2025",
        "task": "Nhiệm vụ",
        "linked": "Các mục được liên kết",
    },
    "en": {
        "received": "Receives contributions from",
        "contributes": "Contributes to",
        "programme": "National programme on drug prevention and control 2021–2025",
        "task": "Task",
        "linked": "Linked items",
    },
}


@pytest.fixture
def crosswalk(world):
    """The demo's drug programme (loaded from its definition by the MPS coordinator), a UPR
    recommendation on drug treatment, both tagged SDG 3.5, linked as the demo links them."""
    ensure_builtin_taxonomies()
    upr = make_recommendation(
        world.framework,
        "D.13",
        "Continue efforts to prevent drug abuse and expand voluntary, "
        "evidence-based treatment for persons who use drugs.",
        states=["Singapore"],
        text_vi="Tiếp tục phòng, chống tệ nạn ma túy và mở rộng điều trị tự nguyện.",
    )
    definition = next(d for d in DEFINITIONS if d["slug"] == DRUG_PROGRAMME)
    definitions.load_data(definition, user=world.mps_coordinator)
    task = Recommendation.objects.get(framework__slug=DRUG_PROGRAMME, reference="O2.T1")
    target = Category.objects.get(taxonomy__slug="sdg", code="3.5")
    for item in (upr, task):
        item.categories.add(target)
    add_link(world.mps_coordinator, task, upr, "contributes_to")
    return upr, task


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_a_recommendation_to_its_programme_task_and_its_sdg_target(
    make_page, world, crosswalk, lang
):
    upr, task = crosswalk
    words = WORDS[lang]
    page = make_page(world.viewer, lang)

    page.goto(f"/recommendations/{upr.pk}/")
    expect_language(page, lang)
    expect(page.locator("h1")).to_contain_text("D.13")
    card = page.locator("section[aria-labelledby=links-title]")
    expect(card.locator("h2")).to_have_text(words["linked"])
    expect(card).to_contain_text(words["received"])
    expect(card).to_contain_text(words["programme"])
    expect(card).to_contain_text(words["task"])
    with page.expect_navigation():
        card.get_by_role("link", name="O2.T1").click()

    expect(page.locator("h1")).to_contain_text("O2.T1")
    expect(page.locator("main")).to_contain_text(task.text_vi if lang == "vi" else task.text)
    card = page.locator("section[aria-labelledby=links-title]")
    expect(card).to_contain_text(words["contributes"])
    expect(card.get_by_role("link", name="D.13")).to_be_visible()
    sdg = page.locator("dl.meta a[href$='?sdg=3.5']")
    expect(sdg).to_have_count(1)
    expect(sdg).to_contain_text("3.5")
    with page.expect_navigation():
        sdg.click()

    assert page.url.endswith("/recommendations/?sdg=3.5")
    expect_language(page, lang)
    results = page.locator("main")
    expect(results.get_by_role("link", name="O2.T1", exact=True)).to_be_visible()
    back = results.get_by_role("link", name="D.13", exact=True)
    expect(back).to_be_visible()
    expect(results).to_contain_text(words["programme"])
    with page.expect_navigation():
        back.click()
    expect(page.locator("h1")).to_contain_text("D.13")
    assert page.url.endswith(f"/recommendations/{upr.pk}/")

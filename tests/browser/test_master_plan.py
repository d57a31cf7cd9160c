"""The whole Master Plan flow in a browser: decision → action → indicator → due dates →
the focal point submits a report with a file → the coordinator accepts → the dashboard moves."""

import re

import pytest
from playwright.sync_api import expect

from camket.plans.models import Action, Plan
from camket.reports.models import Evidence, ProgressReport
from tests.browser.support import LANGUAGES, expect_language
from tests.reports.conftest import PDF

pytestmark = pytest.mark.browser


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def implemented_share(page) -> str:
    page.goto("/dashboard/")
    return page.locator("main .big-figures .figure strong").first.inner_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_decision_to_dashboard(make_page, world, live_server, lang, tmp_path):
    recommendation = world.published
    coordinator = make_page(world.coordinator, lang)

    # 1. The state's decision: supported.
    coordinator.goto(f"/recommendations/{recommendation.pk}/")
    expect_language(coordinator, lang)
    decision = coordinator.locator("main form[action$='/decide/']")
    decision.locator("select[name=response]").select_option("supported")
    submit(coordinator, decision)
    expect(coordinator.locator("main dl.meta .badge.supported")).to_have_count(1)
    assert re.match(r"0[.,]0%", implemented_share(coordinator))

    # 2. A plan approved by decision, and an action implementing the recommendation.
    coordinator.goto("/plans/new/")
    form = coordinator.locator("main form[method=post]")
    form.locator("select[name=framework]").select_option(str(world.framework.pk))
    form.locator("input[name=title]").fill("Master Plan (browser test)")
    form.locator("input[name=decision_number]").fill("1234/QĐ-TTg")
    form.locator("input[name=approved_on]").fill("2024-11-15")
    submit(coordinator, form)
    plan = Plan.objects.get(title="Master Plan (browser test)")
    expect(coordinator).to_have_url(f"{live_server.url}/plans/{plan.pk}/")
    with coordinator.expect_navigation():
        coordinator.locator(f"main a[href='/plans/{plan.pk}/actions/new/']").click()
    form = coordinator.locator("main form[method=post]")
    form.locator("input[name=title]").fill("Train police officers to identify victims")
    form.locator("select[name=lead_agency]").select_option(str(world.agency_a.pk))
    form.locator("textarea[name=recommendation_references]").fill(recommendation.reference)
    form.locator("input[name=start_on]").fill("2025-01-01")
    form.locator("input[name=target_on]").fill("2026-12-31")
    submit(coordinator, form)
    action = Action.objects.get(plan=plan)
    expect(coordinator).to_have_url(f"{live_server.url}/actions/{action.pk}/")
    publication = coordinator.locator("main form.publication")
    publication.locator("select[name=publication]").select_option("published")
    submit(coordinator, publication)

    # 3. An indicator reported every six months: four due dates appear.
    with coordinator.expect_navigation():
        coordinator.locator(f"main a[href='/actions/{action.pk}/indicators/new/']").click()
    form = coordinator.locator("main form[method=post]")
    form.locator("input[name=title]").fill("Officers trained")
    form.locator("input[name=unit]").fill("people")
    form.locator("input[name=target]").fill("500")
    form.locator("select[name=frequency_months]").select_option("6")
    submit(coordinator, form)
    due_links = coordinator.locator("main table a[href^='/due-dates/']")
    expect(due_links).to_have_count(4)
    expect(due_links.first).to_have_text("30/06/2025" if lang == "vi" else "2025-06-30")
    due_url = due_links.first.get_attribute("href")

    # 4. Agency A's focal point writes the report, attaches a file and submits.
    officer = make_page(world.officer_a, lang)
    officer.goto(due_url)
    expect_language(officer, lang)
    evidence = tmp_path / "training-attendance.pdf"
    evidence.write_bytes(PDF)
    upload = officer.locator("main form[enctype='multipart/form-data']")
    upload.locator("input[type=file]").set_input_files(str(evidence))
    upload.locator("input[name=is_public]").check()
    submit(officer, upload)
    expect(officer.locator("main a[href^='/evidence/']")).to_have_text(evidence.name)
    form = officer.locator("main form[method=post]").first
    form.locator("select[name=status]").select_option("implemented")
    form.locator("textarea[name=narrative]").fill("520 officers trained in 2025.")
    form.locator("input[name=indicator_value]").fill("520")
    with officer.expect_navigation():
        form.locator("button[name=submit]").click()
    expect(officer.locator("main h1 .badge.submitted")).to_have_count(1)

    # 5. The coordinator accepts it; the dashboard's implemented share moves to 100 %.
    coordinator.goto(due_url)
    review = coordinator.locator("main form.review")
    with coordinator.expect_navigation():
        review.locator("button[name=accept]").click()
    expect(coordinator.locator("main h1 .badge.accepted")).to_have_count(1)
    report = ProgressReport.objects.get(
        due_date__indicator__action=action, state=ProgressReport.State.ACCEPTED
    )
    assert Evidence.objects.get(report=report).is_public
    assert re.match(r"100[.,]0%", implemented_share(coordinator))
    expect(coordinator.locator("main .big-figures")).to_be_visible()

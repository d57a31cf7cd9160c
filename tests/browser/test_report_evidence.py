"""Attaching a file to a progress report keeps what the focal point had typed (no JavaScript
needed: the file travels in the report's own form)."""

import pytest
from playwright.sync_api import expect

from camket.reports.models import ProgressReport
from tests.personas import make_plan_world
from tests.reports.conftest import PDF

pytestmark = pytest.mark.browser


def test_attaching_a_file_keeps_the_typed_narrative_and_value(make_page, world, tmp_path):
    due_date = make_plan_world(world).indicator_a.due_dates.order_by("due_on").first()
    officer = make_page(world.officer_a)
    officer.goto(f"/due-dates/{due_date.pk}/")

    form = officer.locator("main form.report")
    form.locator("textarea[name=narrative]").fill("Three courses held; 75 officers trained.")
    form.locator("input[name=indicator_value]").fill("75")
    evidence = tmp_path / "attendance.pdf"
    evidence.write_bytes(PDF)
    form.locator("input[type=file]").set_input_files(str(evidence))
    with officer.expect_navigation():
        form.locator("button[name=attach]").click()

    expect(officer.locator("main a[href^='/evidence/']")).to_have_text("attendance.pdf")
    form = officer.locator("main form.report")
    expect(form.locator("textarea[name=narrative]")).to_have_value(
        "Three courses held; 75 officers trained."
    )
    expect(form.locator("input[name=indicator_value]")).to_have_value("75.00")
    report = ProgressReport.objects.get(due_date=due_date)
    assert (report.narrative, report.state) == ("Three courses held; 75 officers trained.", "draft")

"""An agency officer gives their agency's opinion; another agency cannot see the draft."""

import re

import pytest
from playwright.sync_api import expect

from camket.review.models import Assessment
from tests.browser.support import LANGUAGES, expect_language

pytestmark = pytest.mark.browser

COMMENT = "Consistent with the 2011 Law on Prevention of Human Trafficking (browser test)."


def state_badge(page):
    return page.locator("main h1 .badge")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_officer_submits_an_opinion(make_page, world, live_server, lang):
    assessment = Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_a)
    url = f"/assessments/{assessment.pk}/"

    # officer_a finds the request among the opinions awaited from their agency.
    page = make_page(world.officer_a, lang)
    page.goto("/review/mine/")
    expect_language(page, lang)
    link = page.locator(f"main table a[href='{url}']")
    expect(link).to_have_text(world.sent_to_a.reference)
    expect(page.locator("main table tbody tr .badge.requested")).to_have_count(1)
    with page.expect_navigation():
        link.click()
    expect(page).to_have_url(f"{live_server.url}{url}")
    expect(state_badge(page)).to_have_class(re.compile(r"\brequested\b"))

    # Fill the form and save it as a draft first.
    form = page.locator("main form[method=post]")
    form.locator("select[name=conforms_to_law]").select_option("yes")
    form.locator("select[name=conforms_to_policy]").select_option("partly")
    form.locator("select[name=resources_available]").select_option("no")
    form.locator("select[name=capacity_available]").select_option("yes")
    form.locator("select[name=proposed_response]").select_option("supported_in_part")
    form.locator("textarea[name=comment]").fill(COMMENT)
    with page.expect_navigation():
        form.locator("button[name=save]").click()
    expect(state_badge(page)).to_have_class(re.compile(r"\bdraft\b"))
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    assessment.refresh_from_db()
    assert assessment.state == Assessment.State.DRAFT

    # While it is a draft, officer_b (another agency) gets the "not found" page for its URL.
    other = make_page(world.officer_b, lang)
    response = other.goto(url)
    assert response.status == 404
    expect_language(other, lang)
    expect(other.locator("main h1")).to_be_visible()
    expect(other.locator("main form[method=post]")).to_have_count(0)
    expect(other.locator("main")).not_to_contain_text(COMMENT)

    # officer_a submits: the fields kept their values, and the state becomes submitted.
    expect(form.locator("select[name=proposed_response]")).to_have_value("supported_in_part")
    expect(form.locator("textarea[name=comment]")).to_have_value(COMMENT)
    with page.expect_navigation():
        form.locator("button[name=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{url}")
    expect_language(page, lang)
    expect(state_badge(page)).to_have_class(re.compile(r"\bsubmitted\b"))
    expect(page.locator("main ul.messages li.success")).to_have_count(1)
    expect(page.locator("main ul.errors")).to_have_count(0)

    assessment.refresh_from_db()
    assert assessment.state == Assessment.State.SUBMITTED
    assert assessment.submitted_by == world.officer_a
    assert assessment.proposed_response == "supported_in_part"
    assert assessment.conforms_to_policy == "partly"
    assert assessment.comment == COMMENT

    # It has left the list of opinions awaited from the agency.
    page.goto("/review/mine/")
    expect(page.locator(f"main table a[href='{url}']")).to_have_count(0)

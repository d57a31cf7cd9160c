"""An anonymous visitor comments on a draft item; the coordinator publishes the comment,
answers it, closes the consultation and publishes the summary; the visitor then reads them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from camket.consultations import services
from camket.consultations.models import Comment

pytestmark = pytest.mark.browser

COMMENT = "Đề nghị chấp thuận <b>khuyến nghị</b> này."
RESPONSE = "Cảm ơn; ý kiến đã được tiếp thu."


@pytest.fixture
def consultation(world, settings):
    settings.CAMKET_COMMENT_MIN_SECONDS = 1
    from django.core.cache import cache

    cache.clear()
    now = timezone.now()
    return services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "Dự thảo lập trường UPR",
            "draft_text": "Nội dung",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=7),
        },
        items=[world.published, world.draft],
    )


def test_a_visitor_comments_and_the_coordinator_moderates_and_answers(
    make_page, world, consultation
):
    public_url = f"/public/consultations/{consultation.pk}/"
    visitor = make_page()
    visitor.goto(public_url)
    form = visitor.locator("#comment-form form")
    form.locator("select[name=item]").select_option(label="1.2")
    form.locator("textarea[name=text]").fill(COMMENT)
    form.locator("input[name=organisation]").fill("Hội Luật gia Việt Nam")
    visitor.wait_for_timeout(1200)  # the form refuses what comes back sooner than a second
    with visitor.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(visitor.locator("#comment-form [role=status]")).to_be_visible()
    assert Comment.objects.get().state == Comment.State.PENDING

    coordinator = make_page(world.coordinator)
    coordinator.goto(f"/consultations/{consultation.pk}/")
    article = coordinator.locator("section[aria-labelledby=queue-title] article.comment")
    expect(article).to_have_count(1)
    expect(article.locator(".comment-text")).to_contain_text(COMMENT)  # shown as text
    article.locator("select[name=state]").select_option("published")
    article.locator("textarea[name=response]").fill(RESPONSE)
    with coordinator.expect_navigation():
        article.locator("button[type=submit]").click()
    expect(coordinator.locator("ul.messages li.success")).to_have_count(1)
    expect(coordinator.locator("section[aria-labelledby=queue-title] article")).to_have_count(0)
    with coordinator.expect_navigation():
        coordinator.locator("form[action$='/close/'] button").click()
    coordinator.locator("textarea[name=summary]").fill("Một ý kiến, đã tiếp thu.")
    with coordinator.expect_navigation():
        coordinator.locator("form[action$='/summary/'] button").click()
    expect(coordinator.locator("ul.messages li.success")).to_have_count(1)

    visitor.goto(public_url)
    expect(visitor.locator("section[aria-labelledby=summary-title]")).to_contain_text(
        "Một ý kiến, đã tiếp thu."
    )
    published = visitor.locator("article.comment")
    expect(published).to_have_count(1)
    expect(published.locator(".comment-text")).to_contain_text(COMMENT)
    expect(published.locator("b")).to_have_count(0)  # the visitor's HTML stayed text
    expect(published).to_contain_text(RESPONSE)
    expect(visitor.locator("#comment-form form")).to_have_count(0)

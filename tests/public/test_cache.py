"""The portal cache: a change made in a transaction, and the host a page was asked for."""

import pytest
from django.db import transaction
from django.test import RequestFactory

from camket.public.cache import cached_value, generation, portal_changed
from camket.review.services import set_status

pytestmark = pytest.mark.django_db


def test_a_change_bumps_the_generation_again_when_its_transaction_commits(
    portal_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            set_status(portal_world.plan_world.world.coordinator, [portal_world.item], "draft")
            written = generation()
    assert callbacks  # the commit bumps too…
    assert generation() > written  # …past the generation a visitor may have cached under


def test_what_a_visitor_cached_before_the_commit_is_not_served_after_it(
    portal_world, django_capture_on_commit_callbacks
):
    request = RequestFactory().get(f"/api/public/frameworks/{portal_world.framework.slug}/items")
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            set_status(portal_world.plan_world.world.coordinator, [portal_world.item], "draft")
            # another connection still reads the committed rows, and caches them now
            assert cached_value("api", request, lambda: "still published") == "still published"
    assert cached_value("api", request, lambda: "draft") == "still published"  # not committed
    for callback in callbacks:
        callback()  # the commit
    assert cached_value("api", request, lambda: "draft") == "draft"


def test_a_bump_outside_a_transaction_is_immediate():
    before = generation()
    portal_changed()
    assert generation() > before


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_a_cached_page_shows_the_host_and_scheme_it_was_asked_for(client, portal_world, host):
    url = f"/public/{portal_world.framework.slug}/"
    other = "127.0.0.1" if host == "localhost" else "localhost"
    assert f"http://{other}{url}" in client.get(url, HTTP_HOST=other).content.decode()
    page = client.get(url, HTTP_HOST=host).content.decode()
    assert f"http://{host}{url}" in page and f"http://{other}{url}" not in page
    secure = client.get(url, HTTP_HOST=host, secure=True).content.decode()
    assert f"https://{host}{url}" in secure and f"http://{host}{url}" not in secure


def test_an_agency_draft_leaves_the_portal_cache_and_publishing_a_report_renews_it(
    plan_world, django_capture_on_commit_callbacks
):
    from camket.reports import services

    world = plan_world.world
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    values = {"status": "implemented", "narrative": "Trained."}
    before = generation()
    report = services.save_report(world.officer_a, due_date, values, version=None)
    report = services.save_report(
        world.officer_a, due_date, {}, version=report.version, submit=True
    )
    assert generation() == before  # nothing the portal shows changed

    services.accept_report(world.coordinator, report, version=report.version)
    accepted = generation()
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_report_public(world.coordinator, report, True, version=report.version)
    assert generation() > accepted

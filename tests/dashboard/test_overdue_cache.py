"""The dashboard's overdue counts are kept between views until what they count changes."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.dashboard import services
from camket.dashboard.overdue_cache import OVERDUE
from camket.plans import indicators
from camket.reports.models import ProgressReport


def _overdue(dashboard_world, user) -> tuple[dict[str, int], int]:
    """({agency code: overdue}, the due-date queries run) of the figures for `user`."""
    with CaptureQueriesContext(connection) as queries:
        result = services.figures(user, today=dashboard_world.today)
    counted = sum('FROM "plans_duedate"' in query["sql"] for query in queries)
    return {row.key: row.total for row in result.overdue_by_agency}, counted


def test_a_second_view_reads_no_due_date(dashboard_world):
    first, counted_first = _overdue(dashboard_world, dashboard_world.officer_a)
    second, counted_second = _overdue(dashboard_world, dashboard_world.officer_a)
    assert (counted_first, counted_second) == (1, 0)
    assert second == first == {"mps": 1, "moj": 4}


def test_a_report_submitted_shows_at_the_next_view(dashboard_world):
    user = dashboard_world.coordinator
    before, _ = _overdue(dashboard_world, user)
    due_date = dashboard_world.plan_world.indicator_a.due_dates.order_by("due_on")[1]
    report = due_date.report  # the draft: still overdue
    report.state = ProgressReport.State.SUBMITTED
    report.save()
    after, counted = _overdue(dashboard_world, user)
    assert counted == 1
    assert before["mps"] + before["moj"] - 1 == sum(after.values())


def test_each_user_and_filter_has_its_own_counts(dashboard_world):
    officer_b, _ = _overdue(dashboard_world, dashboard_world.officer_b)
    viewer, counted = _overdue(dashboard_world, dashboard_world.viewer)
    assert counted == 1  # not the officer's counts
    framework = services.figures(None, "upr-vn-3", today=dashboard_world.today)
    assert {row.key: row.total for row in framework.overdue_by_agency} == {}
    assert officer_b and viewer


def test_linking_an_action_to_an_item_moves_the_generation(dashboard_world):
    before = OVERDUE.current()
    action = dashboard_world.actions["impl"]
    action.recommendations.add(dashboard_world.recommendations["3.1"])
    assert OVERDUE.current() != before


def test_nothing_is_kept_when_the_lifetime_is_zero(dashboard_world, settings):
    settings.CAMKET_DASHBOARD_CACHE_SECONDS = 0
    _overdue(dashboard_world, dashboard_world.officer_a)
    _, counted = _overdue(dashboard_world, dashboard_world.officer_a)
    assert counted == 1


def test_a_user_made_superuser_sees_everything_at_once(dashboard_world):
    """No signal reports `is_superuser`: the role is part of what the counts are kept under."""
    indicators.create_indicator(  # on a draft item only agency B and coordinators see
        dashboard_world.coordinator,
        {
            "title": "Draft item's indicator",
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 12, 31),
            "frequency_months": 6,
        },
        recommendation=dashboard_world.recommendations["2.9"],
        agency=dashboard_world.agency_a,
    )
    user = dashboard_world.viewer
    before, _ = _overdue(dashboard_world, user)
    user.is_superuser = True  # not saved: a save would move the generation anyway
    after, counted = _overdue(dashboard_world, user)
    everything, _ = _overdue(dashboard_world, None)
    assert counted == 1
    assert after == everything != before

"""Each persona's "My work": what they must do, and nothing they may not see."""

import pytest
from django.urls import reverse

from camket.inbox.work import open_work_count, work_counts, work_for
from camket.reports.services import save_report
from camket.review.services import decide
from tests.inbox.conftest import OPINION_DUE, TODAY
from tests.personas import add_drug_programme, make_drug_plan


def _groups(user):
    return {group.kind: group for group in work_for(user, today=TODAY)}


def _due_url(due_date):
    return reverse("due-date-report", args=[due_date.pk])


def test_focal_point_a_sees_requests_and_reports_of_agency_a(scene):
    world = scene.world
    groups = _groups(world.officer_a)
    assert set(groups) == {
        "opinions_requested",
        "reports_overdue",
        "reports_due_soon",
        "reports_returned",
    }
    requested = groups["opinions_requested"]
    assert requested.count == 2  # 1.1 with a due date, then 1.3 (asked without one)
    assert [row.what.split(" — ")[0] for row in requested.rows] == ["1.1", "1.3"]
    assert requested.rows[0].due_on == OPINION_DUE and requested.rows[0].overdue
    assert requested.rows[1].due_on is None and not requested.rows[1].overdue
    # The returned report is listed as returned, not again as overdue.
    assert [row.url for row in groups["reports_returned"].rows] == [_due_url(scene.due_a[0])]
    assert [row.url for row in groups["reports_overdue"].rows] == [_due_url(scene.due_a[1])]
    assert groups["reports_overdue"].rows[0].overdue
    assert [row.url for row in groups["reports_due_soon"].rows] == [_due_url(scene.due_a[2])]
    assert not groups["reports_due_soon"].rows[0].overdue


def test_focal_point_b_sees_nothing_of_agency_a(scene):
    groups = _groups(scene.world.officer_b)
    assert groups["opinions_requested"].count == 0  # B's opinion was submitted
    assert groups["reports_returned"].count == 0
    # B's first report is submitted: only the second is late.
    assert [row.url for row in groups["reports_overdue"].rows] == [_due_url(scene.due_b[1])]
    assert [row.url for row in groups["reports_due_soon"].rows] == [_due_url(scene.due_b[2])]
    a_urls = {_due_url(d) for d in scene.due_a}
    assert not a_urls & {row.url for g in groups.values() for row in g.rows}


def test_coordinator_sees_opinions_to_decide_and_reports_to_review(scene):
    world = scene.world
    groups = _groups(world.coordinator)
    assert "opinions_requested" not in groups and "reports_overdue" not in groups
    assert groups["opinions_to_decide"].count == 1
    assert groups["opinions_to_decide"].rows[0].url == reverse(
        "recommendation-detail", args=[world.draft.pk]
    )
    assert groups["reports_to_review"].count == 1
    assert groups["reports_to_review"].rows[0].url == reverse(
        "report-review", args=[scene.submitted_b.pk]
    )
    assert groups["tag_suggestions"].count == groups["link_suggestions"].count == 0


def test_a_decided_recommendation_no_longer_awaits_a_decision(scene):
    world = scene.world
    world.draft.refresh_from_db()
    decide(
        world.coordinator,
        world.draft,
        response="noted",
        reason="",
        decided_on=None,
        version=world.draft.version,
    )
    assert work_counts(world.coordinator, today=TODAY)["opinions_to_decide"] == 0


def test_viewer_has_nothing_to_do(scene):
    assert work_for(scene.world.viewer, today=TODAY) == []
    assert open_work_count(scene.world.viewer) == 0
    assert open_work_count(scene.world.anonymous) == 0


def test_a_coordinator_of_another_framework_counts_none_of_the_upr_work(scene):
    counts = work_counts(scene.world.mps_coordinator, today=TODAY)
    assert counts and not any(counts.values())


def test_each_coordinator_reviews_the_reports_of_their_own_framework(scene):
    world = add_drug_programme(scene.world)
    drug = make_drug_plan(world)
    due = drug.indicator.due_dates.order_by("due_on").first()
    report = save_report(
        world.officer_a,
        due,
        {"status": "in_progress", "narrative": "Two."},
        version=None,
        submit=True,
    )
    mps = _groups(world.mps_coordinator)["reports_to_review"]
    assert [row.url for row in mps.rows] == [reverse("report-review", args=[report.pk])]
    upr = _groups(world.coordinator)["reports_to_review"]
    assert [row.url for row in upr.rows] == [reverse("report-review", args=[scene.submitted_b.pk])]


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "officer_b", "mps_coordinator"])
def test_counts_match_the_groups(scene, persona):
    user = getattr(scene.world, persona)
    assert work_counts(user, today=TODAY) == {
        group.kind: group.count for group in work_for(user, today=TODAY)
    }


def test_a_group_with_more_items_than_rows_shown_counts_them_all(scene, monkeypatch):
    """Below the rows shown, the rows are the count; at the limit, the count is asked for."""
    for module in ("camket.inbox.sources", "camket.inbox.agency_sources", "camket.inbox.work"):
        monkeypatch.setattr(f"{module}.ROWS_SHOWN", 1)
    groups = _groups(scene.world.officer_a)
    requested = groups["opinions_requested"]
    assert (requested.count, len(requested.rows)) == (2, 1)
    assert requested.more_url
    assert (groups["reports_overdue"].count, len(groups["reports_overdue"].rows)) == (1, 1)

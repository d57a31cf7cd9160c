"""Archived frameworks and items ask nobody for anything: no opinion, no report, no reminder."""

from datetime import date

from camket.frameworks.models import Framework, Recommendation
from camket.inbox.work import work_for
from camket.plans import indicators
from camket.reports.due_dates import open_due_dates
from tests.inbox.conftest import TODAY

AGENCY_WORK = ["opinions_requested", "reports_overdue", "reports_due_soon", "reports_returned"]


def _counts(user):
    groups = {group.kind: group.count for group in work_for(user, today=TODAY)}
    return [groups[kind] for kind in AGENCY_WORK]


def test_an_archived_framework_asks_the_focal_point_for_nothing(scene):
    world = scene.world
    assert all(_counts(world.officer_a))  # each kind of work is there before
    Framework.objects.filter(pk=world.framework.pk).update(archived=True)
    assert _counts(world.officer_a) == [0, 0, 0, 0]
    assert _counts(world.officer_b) == [0, 0, 0, 0]
    assert not open_due_dates().filter(indicator__action__plan=scene.plan_world.plan).exists()


def test_an_archived_item_asks_for_no_opinion(scene):
    world = scene.world
    Recommendation.objects.filter(pk=world.published.pk).update(
        status=Recommendation.Status.ARCHIVED
    )
    [requested] = [
        g for g in work_for(world.officer_a, today=TODAY) if g.kind == "opinions_requested"
    ]
    # 1.3 is still asked; 1.1, archived, is not.
    assert [row.what.split(" — ")[0] for row in requested.rows] == ["1.3"]


def test_the_due_dates_of_an_archived_item_are_chased_no_more(scene):
    world = scene.world
    indicator = indicators.create_indicator(
        world.coordinator,
        {
            "title": "Victims identified",
            "unit": "people",
            "frequency_months": 12,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2026, 12, 31),
        },
        recommendation=world.published,
        agency=world.agency_a,
    )
    assert open_due_dates().filter(indicator=indicator).exists()
    Recommendation.objects.filter(pk=world.published.pk).update(
        status=Recommendation.Status.ARCHIVED
    )
    assert not open_due_dates().filter(indicator=indicator).exists()
    Recommendation.objects.filter(pk=world.published.pk).update(
        status=Recommendation.Status.PUBLISHED
    )
    assert open_due_dates().filter(indicator=indicator).exists()
    Framework.objects.filter(pk=world.framework.pk).update(archived=True)
    assert not open_due_dates().filter(indicator=indicator).exists()

"""Plans, actions and indicators through their services: rules, history, stale edits."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.frameworks.models import Recommendation
from camket.lib.concurrency import StaleEdit
from camket.plans import implementation, indicators, services
from camket.plans.models import Action
from camket.review.services import decide, make_cluster
from tests.personas import make_recommendation


@pytest.mark.parametrize(
    "statuses, response, expected",
    [
        ([], "supported", ""),
        ([], "already_implemented", "implemented"),
        (["implemented", "implemented"], "supported", "implemented"),
        (["implemented", "not_started"], "supported", "partly_implemented"),
        (["partly_implemented"], "supported", "partly_implemented"),
        (["in_progress", "not_started"], "supported", "in_progress"),
        (["not_implemented", "not_implemented"], "supported", "not_implemented"),
        (["not_implemented", "in_progress"], "supported", "in_progress"),
        (["not_started"], "supported", "not_started"),
    ],
)
def test_recommendation_status_derives_from_its_actions(statuses, response, expected):
    assert implementation.derive(statuses, response) == expected


def test_status_change_is_kept_in_history_and_reaches_the_recommendation(plan_world):
    world, action = plan_world.world, plan_world.action_a
    services.set_action_status(world.coordinator, action, "implemented", version=action.version)
    world.published.refresh_from_db()
    assert world.published.implementation == "implemented"
    latest = action.history.first()
    assert latest.history_user == world.coordinator and latest.status == "implemented"
    assert world.published.history.first().implementation == "implemented"


def test_not_implemented_needs_a_reason(plan_world):
    action = plan_world.action_a
    with pytest.raises(ValidationError):
        services.set_action_status(
            plan_world.world.coordinator, action, "not_implemented", version=action.version
        )
    action.refresh_from_db()
    assert action.status == "not_started"


def test_a_stale_edit_is_refused_and_the_first_edit_kept(plan_world):
    coordinator, action = plan_world.world.coordinator, plan_world.action_a
    opened_at = action.version
    first = Action.objects.get(pk=action.pk)
    services.update_action(coordinator, first, {"title": "First editor's title"}, version=opened_at)
    second = Action.objects.get(pk=action.pk)
    with pytest.raises(StaleEdit):
        services.update_action(
            coordinator, second, {"title": "Second editor's title"}, version=opened_at
        )
    action.refresh_from_db()
    assert action.title == "First editor's title"
    assert action.version == opened_at + 1


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_the_coordinator_changes_actions(plan_world, persona):
    user, action = getattr(plan_world.world, persona), plan_world.action_a
    with pytest.raises(PermissionDenied):
        services.set_action_status(user, action, "implemented", version=action.version)
    with pytest.raises(PermissionDenied):
        services.create_action(
            user, plan_world.plan, {"title": "x", "lead_agency": plan_world.world.agency_a}
        )


def test_reference_is_unique_in_a_plan_and_numbered_when_left_empty(plan_world):
    world = plan_world.world
    with pytest.raises(ValidationError) as error:
        services.create_action(
            world.coordinator,
            plan_world.plan,
            {"reference": "1", "title": "Again", "lead_agency": world.agency_a},
        )
    assert "reference" in error.value.message_dict
    action = services.create_action(
        world.coordinator, plan_world.plan, {"title": "Next", "lead_agency": world.agency_a}
    )
    assert action.reference == "3"


def test_links_are_recorded_in_history(plan_world):
    world, action = plan_world.world, plan_world.action_b
    services.update_action(
        world.coordinator,
        action,
        {},
        version=action.version,
        recommendations=[world.published],
        co_agencies=[world.agency_a],
    )
    record = action.history.first()
    assert [row.recommendation_id for row in record.recommendations.all()] == [world.published.pk]
    assert [row.agency_id for row in record.co_agencies.all()] == [world.agency_a.pk]


def test_items_of_another_framework_are_linked(plan_world):
    """Actions span frameworks (issue 14): a declaration's commitment beside the UPR
    recommendation; tests/plans/test_spanning_frameworks.py follows it through."""
    from camket.frameworks.models import Framework

    world = plan_world.world
    other = Framework.objects.create(
        slug="other", name="Other", kind="declaration", has_response=False
    )
    foreign = make_recommendation(other, "X.1", "Something else.")
    services.update_action(
        world.coordinator,
        plan_world.action_a,
        {},
        version=plan_world.action_a.version,
        recommendations=[world.published, foreign],
    )
    assert set(plan_world.action_a.recommendations.all()) == {world.published, foreign}


def test_changing_the_lead_agency_moves_the_indicators(plan_world):
    world, action = plan_world.world, plan_world.action_a
    services.update_action(
        world.coordinator, action, {"lead_agency": world.agency_b}, version=action.version
    )
    plan_world.indicator_a.refresh_from_db()
    assert plan_world.indicator_a.agency == world.agency_b


def test_clusters_become_actions_once_with_their_accepted_members(plan_world):
    world = plan_world.world
    second = make_recommendation(world.framework, "1.4", "Combat trafficking in persons.")
    noted = make_recommendation(world.framework, "1.5", "Combat trafficking, again.")
    cluster = make_cluster(world.coordinator, [world.published, second, noted], "Trafficking")
    decide(
        world.coordinator,
        world.published,
        response="supported",
        reason="",
        decided_on=None,
        version=Recommendation.objects.get(pk=world.published.pk).version,
    )
    noted.refresh_from_db()
    noted.response = "noted"
    noted.save()
    made, skipped = services.actions_from_clusters(
        world.coordinator, plan_world.plan, [cluster], world.agency_a
    )
    assert len(made) == 1 and not skipped
    assert set(made[0].recommendations.values_list("reference", flat=True)) == {"1.1", "1.4"}
    assert made[0].source_cluster == cluster
    again, skipped = services.actions_from_clusters(
        world.coordinator, plan_world.plan, [cluster], world.agency_a
    )
    assert again == [] and skipped == [cluster]


def _dates(indicator, archived=False):
    return [d.due_on for d in indicator.due_dates.filter(archived=archived)]


def test_changing_the_schedule_regenerates_only_future_unreported_due_dates(plan_world):
    from camket.reports.services import save_report

    world, indicator = plan_world.world, plan_world.indicator_a
    reported = indicator.due_dates.get(due_on=date(2026, 6, 30))
    save_report(world.officer_a, reported, {"narrative": "Half way."}, version=None)
    indicators.update_indicator(
        world.coordinator,
        indicator,
        {"frequency_months": 12},
        version=indicator.version,
        today=date(2026, 1, 15),
    )
    # Past (2025) dates stay; the reported one stays; 2026-12-31 is in both schedules.
    assert _dates(indicator) == [
        date(2025, 6, 30),
        date(2025, 12, 31),
        date(2026, 6, 30),
        date(2026, 12, 31),
    ]
    indicators.update_indicator(
        world.coordinator,
        indicator,
        {"ends_on": date(2026, 11, 30)},
        version=indicator.version,
        today=date(2026, 1, 15),
    )
    assert _dates(indicator) == [
        date(2025, 6, 30),
        date(2025, 12, 31),
        date(2026, 6, 30),
        date(2026, 11, 30),
    ]
    assert _dates(indicator, archived=True) == [date(2026, 12, 31)]
    # created; its period became the whole of 2026; archived
    history = indicator.due_dates.get(due_on=date(2026, 12, 31)).history.order_by("history_id")
    assert [(h.period_start, h.archived) for h in history] == [
        (date(2026, 7, 1), False),
        (date(2026, 1, 1), False),
        (date(2026, 1, 1), True),
    ]


def test_an_indicator_needs_a_schedule_that_is_not_endless(plan_world):
    world = plan_world.world
    with pytest.raises(ValidationError):
        indicators.create_indicator(
            world.coordinator,
            {
                "title": "Monthly for a century",
                "frequency_months": 1,
                "starts_on": date(2025, 1, 1),
                "ends_on": date(2125, 1, 1),
            },
            action=plan_world.action_a,
        )


def test_a_recommendation_indicator_reports_to_the_chosen_agency(plan_world):
    world = plan_world.world
    indicator = indicators.create_indicator(
        world.coordinator,
        {
            "title": "Shelters open",
            "frequency_months": 12,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2026, 12, 31),
        },
        recommendation=world.published,
        agency=world.agency_b,
    )
    assert indicator.agency == world.agency_b
    assert indicator.due_dates.count() == 2


def test_an_update_is_validated_like_a_creation(plan_world):
    action = plan_world.action_a
    with pytest.raises(ValidationError) as error:
        services.update_action(
            plan_world.world.coordinator,
            action,
            {"title": "", "reference": "x" * 80},
            version=action.version,
        )
    assert {"title", "reference"} <= set(error.value.message_dict)
    action.refresh_from_db()
    assert action.title == "Train police officers on victim identification"


def test_archiving_an_indicator_archives_every_unreported_due_date(plan_world):
    indicator = plan_world.indicator_a
    indicators.update_indicator(
        plan_world.world.coordinator,
        indicator,
        {"archived": True},
        version=indicator.version,
        today=date(2026, 1, 15),
    )
    assert _dates(indicator) == []
    assert len(_dates(indicator, archived=True)) == 4

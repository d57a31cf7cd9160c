"""The dashboard's figures equal those counted directly from the database."""

import pytest

from camket.dashboard import services
from camket.frameworks.models import Recommendation
from camket.plans import services as plan_services
from tests.dashboard.expected import expected, summary

PERSONAS = [None, "coordinator", "officer_a", "officer_b", "viewer"]


def _user(dashboard_world, persona):
    return None if persona is None else getattr(dashboard_world, persona)


@pytest.mark.parametrize("framework", ["", "upr-vn-4", "upr-vn-3"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_figures_equal_direct_counts(dashboard_world, persona, framework):
    user = _user(dashboard_world, persona)
    result = services.figures(user, framework, today=dashboard_world.today)
    assert summary(result) == expected(user, framework, dashboard_world.today)


def test_the_varied_world_is_varied(dashboard_world):
    """Guard against a dataset in which everything is zero and the comparison proves nothing."""
    result = summary(services.figures(None, today=dashboard_world.today))
    assert set(result["headline"]) == {
        "implemented",
        "partly_implemented",
        "in_progress",
        "not_started",
        "not_implemented",
        "none",
    }
    assert len(result["by_framework"]) == 2
    assert set(result["by_agency"]) == {"mps", "moj"}
    assert len(result["by_theme"]) == 3
    assert result["by_sdg"]["16"] and result["by_sdg"]["5"] and result["by_sdg"]["4"]
    # B's four are its recommendation indicator's; its draft action owes nothing yet.
    assert result["overdue_by_agency"] == {"mps": 1, "moj": 4}


def test_totals_are_the_sums_of_their_segments(dashboard_world):
    result = services.figures(None, today=dashboard_world.today)
    headline = result.headline
    assert headline.accepted == sum(s.count for s in headline.segments)
    assert (
        headline.implemented,
        headline.partly_implemented,
        headline.in_progress,
        headline.not_started,
        headline.not_implemented,
        headline.no_action,
    ) == tuple(s.count for s in headline.segments)
    for rows in (
        result.by_framework,
        result.by_agency,
        result.by_theme,
        result.by_sdg,
        result.overdue_by_agency,
    ):
        for row in rows:
            assert row.total == sum(s.count for s in row.segments)


def test_a_target_counts_once_for_its_goal(dashboard_world):
    """2.1 is tagged with targets 16.2 and 16.3: goal 16 counts it once."""
    sdg = {row.key: row.total for row in services.figures(None).by_sdg}
    assert len(sdg) == 17
    tagged_16 = {"2.1", "2.3", "2.6"}  # 2.7 is noted
    assert sdg["16"] == len(tagged_16)


def test_only_the_top_themes_are_shown(dashboard_world):
    rows = services.figures(None, top_themes=1).by_theme
    assert len(rows) == 1
    assert rows[0].total == max(row.total for row in services.figures(None).by_theme)


@pytest.mark.parametrize(
    ("part", "whole", "percent"),
    [
        (98, 113, 86.7),
        (14, 113, 12.4),  # Viet Nam's cycle III shares
        (1, 3, 33.3),
        (2, 3, 66.7),
        (1, 16, 6.3),
        (3, 8, 37.5),
        (0, 5, 0.0),
        (0, 0, 0.0),
    ],
)
def test_share_rounds_half_up_to_one_decimal(part, whole, percent):
    assert services.share(part, whole) == percent


def test_cycle_iii_like_shares_come_from_the_data(dashboard_world):
    framework = dashboard_world.recommendations["3.1"].framework
    statuses = ["implemented"] * 98 + ["partly_implemented"] * 14 + ["in_progress"]
    Recommendation.objects.filter(framework=framework).delete()
    Recommendation.objects.bulk_create(
        Recommendation(
            framework=framework,
            reference=f"III.{i}",
            text="R",
            status="published",
            response="supported",
            implementation=status,
        )
        for i, status in enumerate(statuses)
    )
    headline = services.figures(None, "upr-vn-3").headline
    assert (headline.accepted, headline.implemented_share, headline.partly_implemented_share) == (
        113,
        86.7,
        12.4,
    )


def test_the_share_rises_when_an_action_is_implemented(dashboard_world):
    coordinator = dashboard_world.coordinator
    before = services.figures(coordinator).headline
    action = dashboard_world.actions["failed"]  # the only action of 2.4, not implemented
    plan_services.set_action_status(coordinator, action, "implemented", version=action.version)
    after = services.figures(coordinator).headline
    assert after.implemented == before.implemented + 1
    assert after.not_implemented == before.not_implemented - 1
    assert after.implemented_share == services.share(after.implemented, after.accepted)
    assert after.implemented_share > before.implemented_share

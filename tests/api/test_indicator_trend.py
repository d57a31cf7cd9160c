"""GET /api/indicators/{id}/trend: the same service and scoping as the indicator page."""

from decimal import Decimal

import pytest

from camket.reports.services import accept_report, save_report
from tests.api.conftest import ApiClient


@pytest.fixture
def reported(plan_world):
    world = plan_world.world
    indicator = plan_world.indicator_a
    indicator.baseline, indicator.target = Decimal(10), Decimal(50)
    indicator.save()
    due = list(indicator.due_dates.order_by("due_on"))
    first = save_report(
        world.officer_a,
        due[0],
        {"narrative": "A start.", "status": "in_progress", "indicator_value": "20"},
        version=None,
        submit=True,
    )
    accept_report(world.coordinator, first, version=first.version)
    save_report(
        world.officer_a,
        due[1],
        {"narrative": "More.", "status": "in_progress", "indicator_value": "30"},
        version=None,
        submit=True,
    )
    return plan_world


def _trend(client, user, indicator):
    return ApiClient(client, user).get(f"/indicators/{indicator.pk}/trend")


@pytest.mark.parametrize(
    ("persona", "values", "share"),
    [
        ("officer_a", ["20.00", "30.00"], 50.0),
        ("coordinator", ["20.00", "30.00"], 50.0),
        ("officer_b", ["20.00"], 25.0),
        ("viewer", ["20.00"], 25.0),
    ],
)
def test_each_persona_gets_the_values_they_may_read(client, reported, persona, values, share):
    response = _trend(client, getattr(reported.world, persona), reported.indicator_a)
    assert response.status_code == 200, response.content
    data = response.json()
    assert [point["value"] for point in data["points"]] == values
    assert data["percent_of_target"] == share
    assert data["direction"] == "increasing" and data["baseline"] == "10.00"
    assert data["points"][0]["state"] == "accepted"


def test_an_indicator_the_user_cannot_see_is_not_found(client, reported):
    # indicator_b belongs to agency B's draft action
    assert _trend(client, reported.world.officer_a, reported.indicator_b).status_code == 404
    assert _trend(client, reported.world.viewer, reported.indicator_b).status_code == 404
    assert _trend(client, reported.world.officer_b, reported.indicator_b).status_code == 200


def test_anonymous_is_refused(client, reported):
    assert _trend(client, None, reported.indicator_a).status_code == 401


def test_an_indicator_without_values(client, plan_world):
    data = _trend(client, plan_world.world.coordinator, plan_world.indicator_b).json()
    assert data["points"] == [] and data["percent_of_target"] is None
    assert data["latest_value"] is None and data["direction"] is None

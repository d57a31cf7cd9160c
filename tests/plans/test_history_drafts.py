"""A draft action's history is its agencies' and the coordinator's: others read it from its
publication on, with its indicators as they stood then."""

import pytest

from camket.accounts.models import ApiToken
from camket.plans import indicators, services

DRAFT_TITLE = "DRAFT-ONLY title of the action"
DRAFT_UNIT = "DRAFT-ONLY unit"


@pytest.fixture
def published_b(plan_world):
    """Agency B's action, edited while a draft, then published and changed once more."""
    world, action = plan_world.world, plan_world.action_b
    services.update_action(
        world.coordinator, action, {"title": DRAFT_TITLE}, version=action.version
    )
    action.refresh_from_db()
    services.update_action(
        world.coordinator, action, {"title": "Draft the law on legal aid"}, version=action.version
    )
    indicator = plan_world.indicator_b
    indicators.update_indicator(
        world.coordinator, indicator, {"unit": DRAFT_UNIT}, version=indicator.version
    )
    indicator.refresh_from_db()
    indicators.update_indicator(
        world.coordinator, indicator, {"unit": "laws"}, version=indicator.version
    )
    action.refresh_from_db()
    services.set_publication(world.coordinator, [action], "published")
    indicator.refresh_from_db()
    indicators.update_indicator(
        world.coordinator, indicator, {"unit": "decrees"}, version=indicator.version
    )
    return action


@pytest.mark.parametrize(
    ("persona", "sees_draft"),
    [("coordinator", True), ("officer_b", True), ("officer_a", False), ("viewer", False)],
)
def test_a_draft_actions_history_is_read_from_its_publication_by_others(
    client, plan_world, published_b, persona, sees_draft
):
    user = getattr(plan_world.world, persona)
    client.force_login(user)
    _, secret = ApiToken.issue(user, "history test")

    page = client.get(f"/actions/{published_b.pk}/")
    api = client.get(
        f"/api/actions/{published_b.pk}/history", headers={"Authorization": f"Bearer {secret}"}
    )

    assert (page.status_code, api.status_code) == (200, 200)
    for body in (page.content.decode().split('id="history-title"')[-1], api.content.decode()):
        assert (DRAFT_TITLE in body) is sees_draft
        assert (DRAFT_UNIT in body) is sees_draft
        assert "decrees" in body  # changed after publication: everyone reads it
    changes = {change for entry in api.json() for change in map(tuple, entry["changes"])}
    assert ("unit", "laws", "decrees") in changes  # the unit as it stood at publication

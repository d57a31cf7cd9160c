"""GET /api/dashboard and `camket dashboard --json` give the service's figures."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from camket.accounts.models import ApiToken
from camket.dashboard import services


def _api_get(client, user, **params):
    headers = {}
    if user is not None:
        _, secret = ApiToken.issue(user, "dashboard tests")
        headers = {"Authorization": f"Bearer {secret}"}
    return client.get("/api/dashboard", params, headers=headers)


@pytest.mark.parametrize("framework", ["", "upr-vn-3"])
@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "officer_b", "viewer"])
def test_the_api_agrees_with_the_service(client, dashboard_world, persona, framework):
    user = getattr(dashboard_world, persona)
    response = _api_get(client, user, framework=framework)
    assert response.status_code == 200
    assert response.json() == services.as_dict(services.figures(user, framework))


@pytest.mark.parametrize(
    ("persona", "framework", "status"), [(None, "", 401), ("coordinator", "no-such-thing", 404)]
)
def test_the_api_refuses(client, world, persona, framework, status):
    user = getattr(world, persona) if persona else None
    assert _api_get(client, user, framework=framework).status_code == status


def _cli(*args) -> str:
    out = io.StringIO()
    call_command("dashboard", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("framework", ["", "upr-vn-4"])
def test_the_cli_json_agrees_with_the_service_for_the_whole_government(dashboard_world, framework):
    args = ["--json", "--date", dashboard_world.today.isoformat()]
    args += ["--framework", framework] if framework else []
    data = json.loads(_cli(*args))
    result = services.figures(None, framework, today=dashboard_world.today)
    assert data == services.as_dict(result)
    assert data["scope"] == "all"
    # Unscoped means the same as the coordinator's view.
    coordinator = services.figures(
        dashboard_world.coordinator, framework, today=dashboard_world.today
    )
    assert data == {**services.as_dict(coordinator), "scope": "all"}


def test_the_cli_prints_a_readable_summary(dashboard_world):
    text = _cli("--date", dashboard_world.today.isoformat())
    headline = services.figures(None).headline
    assert f"Accepted recommendations: {headline.accepted}" in text
    assert f"({headline.implemented_share:.1f}%)" in text
    assert "Overdue reports by agency" in text


@pytest.mark.parametrize("args", [("--framework", "nope"), ("--date", "yesterday")])
def test_the_cli_rejects_bad_arguments(world, args):
    with pytest.raises(CommandError):
        _cli(*args)

"""The lists' exports through the API: the token's user's rows, as on their pages."""

import json

import pytest
from django.urls import reverse

from camket.accounts.models import ApiToken
from tests.exports.list_helpers import PERSONAS, csv_rows

NAMES = ["actions", "reports", "plans", "frameworks", "clusters", "assessments"]


def _bearer(user) -> dict:
    _, secret = ApiToken.issue(user, "list export test")
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_exports_are_the_web_exports(client, plan_world, persona):
    user = getattr(plan_world.world, persona)
    headers = _bearer(user)
    client.force_login(user)
    for name in NAMES:
        api = client.get(
            f"/api/exports/{name}", {"format": "json", "agency": "moj"}, headers=headers
        )
        web = client.get(reverse("list-export", args=[name, "json"]), {"agency": "moj"})
        assert api.status_code == web.status_code, name
        if web.status_code == 200:
            assert json.loads(api.content)["rows"] == json.loads(web.content)["rows"], name


def test_the_api_keeps_agency_b_s_draft_action_from_others(client, plan_world):
    draft = plan_world.action_b.title
    for persona, sees in (("officer_a", False), ("viewer", False), ("officer_b", True)):
        response = client.get(
            "/api/exports/actions",
            {"format": "csv"},
            headers=_bearer(getattr(plan_world.world, persona)),
        )
        titles = [line[2] for line in csv_rows(response.content)[1:]]
        assert (draft in titles) == sees, persona


def test_the_api_checks_tokens_columns_and_is_documented(client, plan_world):
    assert client.get("/api/exports/plans").status_code == 401
    headers = _bearer(plan_world.world.coordinator)
    bad = client.get("/api/exports/plans", {"columns": "title,nope"}, headers=headers)
    assert bad.status_code == 422 and "nope" in bad.json()["detail"]
    vietnamese = client.get(
        "/api/exports/plans", {"format": "csv", "lang": "vi", "columns": "title"}, headers=headers
    )
    assert csv_rows(vietnamese.content)[1] == [plan_world.plan.title]
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {f"/api/exports/{name}" for name in NAMES} <= set(paths)


def test_a_bad_recommendation_export_is_a_422_not_a_server_error(client, world):
    response = client.get(
        "/api/exports/recommendations", {"columns": "nope"}, headers=_bearer(world.coordinator)
    )
    assert response.status_code == 422 and "nope" in response.json()["detail"]

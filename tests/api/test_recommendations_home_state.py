"""GET /api/recommendations: the home state's items, newest first, by default; `state` and
`sort` as in the web list; the exports of the list apply the same default."""

import json

import pytest

from tests.api.conftest import ApiClient
from tests.frameworks.home_states import make_states_world


@pytest.fixture
def states(world):
    return make_states_world(world)


def _references(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["reference"] for item in response.json()["items"]]


def test_the_plain_call_lists_the_home_states_items_newest_first(client, states):
    api = ApiClient(client, states.world.coordinator)
    assert _references(api.get("/recommendations")) == [
        "1.1",
        "1.2",
        "1.3",
        "S05-vnm",
        "S05-vnm-draft",
        "S03-vnm",
        "P-1",
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            {"state": "all", "sort": "oldest"},
            ["S02-fra", "S03-vnm", "S05-vnm", "S05-vnm-draft", "SVN-1", "1.1", "1.2", "1.3", "P-1"],
        ),
        ({"state": "FRA"}, ["S02-fra"]),
        ({"state": "svn"}, ["SVN-1"]),
        ({"state": "XYZ"}, []),
        ({"framework": "slovenia-2"}, ["SVN-1"]),
        ({"state": "all", "sort": "state", "response": "supported"}, ["S02-fra", "S05-vnm"]),
        ({"sort": "unknown", "framework": "upr-info-1"}, ["S05-vnm", "S05-vnm-draft", "S03-vnm"]),
    ],
)
def test_state_and_sort(client, states, query, expected):
    api = ApiClient(client, states.world.coordinator)
    assert _references(api.get("/recommendations", query)) == expected


def test_an_old_numeric_state_filters_recommending_states(client, states):
    api = ApiClient(client, states.world.coordinator)
    mexico = states.fra_session_2.recommending_states.get()
    assert _references(api.get("/recommendations", {"state": mexico.pk})) == ["S02-fra"]
    assert _references(api.get("/recommendations", {"recommending_state": mexico.pk})) == []


def test_the_viewer_gets_only_published_items_of_the_home_state(client, states):
    api = ApiClient(client, states.world.viewer)
    assert _references(api.get("/recommendations")) == ["1.1", "S05-vnm", "S03-vnm", "P-1"]


def test_the_openapi_schema_describes_state_and_sort(client, states):
    schema = client.get("/api/openapi.json").json()
    parameters = {
        p["name"]: p for p in schema["paths"]["/api/recommendations"]["get"]["parameters"]
    }
    assert "ISO 3166" in parameters["state"]["description"]
    assert "newest" in parameters["sort"]["description"]
    assert "recommending_state" in parameters
    exports = {
        p["name"]: p for p in schema["paths"]["/api/exports/recommendations"]["get"]["parameters"]
    }
    assert "ISO 3166" in exports["state"]["description"]


def test_the_list_export_applies_the_same_default(client, states):
    client.force_login(states.world.coordinator)
    rows = json.loads(client.get("/exports/recommendations.json").content)
    references = {row["reference"] for row in _records(rows)}
    assert "S05-vnm" in references and "S02-fra" not in references
    rows = json.loads(client.get("/exports/recommendations.json?state=all").content)
    assert "S02-fra" in {row["reference"] for row in _records(rows)}


def _records(exported: dict) -> list[dict]:
    return exported["items"]

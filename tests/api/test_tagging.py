"""/api/suggestions, /api/tagging/runs, /api/recommendations/{id}/similar: who sees and decides."""

import pytest

from camket.tagging.models import Suggestion, TaggingRun
from tests.api.conftest import PERSONAS
from tests.tagging_texts import SUGGESTIONS_SEEN_BY, suggest_justice

SEES = SUGGESTIONS_SEEN_BY


@pytest.fixture
def suggested(world):
    return suggest_justice(world, step=0.1)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_lists_the_suggestions_of_what_it_may_see(api_as, suggested, persona):
    response = api_as(persona).get("/suggestions")
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["id"] for item in items} == {suggested[name].pk for name in SEES[persona]}
    names = {suggestion.pk: name for name, suggestion in suggested.items()}
    assert all(
        item["reasons"] == [f"<b>{names[item['id']]}</b>"] and item["category"] == "Justice"
        for item in items
    )


def test_anonymous_callers_are_refused(client, suggested):
    assert client.get("/api/suggestions").status_code == 401
    assert client.post(f"/api/suggestions/{suggested['published'].pk}/accept").status_code == 401


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_the_coordinator_decides(api_as, suggested, persona):
    api = api_as(persona)
    for name, suggestion in suggested.items():
        expected = 403 if name in SEES[persona] else 404
        assert api.post(f"/suggestions/{suggestion.pk}/accept").status_code == expected
        assert api.post(f"/suggestions/{suggestion.pk}/reject").status_code == expected
    assert api.post("/suggestions/bulk", {"decision": "accept"}).status_code == 403
    assert not Suggestion.objects.exclude(state="pending").exists()


def test_coordinator_accepts_then_a_second_decision_conflicts(api_as, world, suggested):
    api = api_as("coordinator")
    response = api.post(f"/suggestions/{suggested['draft'].pk}/accept")
    assert response.status_code == 200 and response.json()["state"] == "accepted"
    assert world.draft.categories.filter(name="Justice").exists()
    assert api.post(f"/suggestions/{suggested['draft'].pk}/reject").status_code == 409


def test_bulk_accepts_above_a_threshold(api_as, suggested):
    response = api_as("coordinator").post(
        "/suggestions/bulk", {"decision": "accept", "min_confidence": 0.6}
    )
    assert response.json() == {"decided": 2, "skipped": 0}
    assert set(Suggestion.objects.filter(state="accepted")) == {
        suggested["draft"],
        suggested["sent_to_a"],
    }
    assert api_as("coordinator").get("/suggestions", {"state": "accepted"}).json()["count"] == 2


def test_bulk_rejects_chosen_ones(api_as, suggested):
    response = api_as("coordinator").post(
        "/suggestions/bulk", {"decision": "reject", "ids": [suggested["published"].pk]}
    )
    assert response.json() == {"decided": 1, "skipped": 0}
    assert Suggestion.objects.get(state="rejected") == suggested["published"]


def test_runs_are_queued_by_the_coordinator_only(api_as, world):
    for persona in ("officer_a", "viewer"):
        assert api_as(persona).post("/tagging/runs", {"job": "suggest"}).status_code == 403
    response = api_as("coordinator").post(
        "/tagging/runs", {"job": "suggest", "framework": "upr-vn-4"}
    )
    assert response.status_code == 200
    run = TaggingRun.objects.get()
    assert response.json()["state"] == "queued" and run.framework == world.framework
    assert api_as("coordinator").get(f"/tagging/runs/{run.pk}").json()["id"] == run.pk
    assert api_as("viewer").get(f"/tagging/runs/{run.pk}").status_code == 403


def test_similar_is_scoped(api_as, world):
    world.draft.text = world.published.text
    world.draft.save()
    coordinator = api_as("coordinator").get(f"/recommendations/{world.published.pk}/similar")
    assert [m["id"] for m in coordinator.json()] == [world.draft.pk]
    assert coordinator.json()[0]["similarity"] == pytest.approx(1.0, abs=0.01)
    assert api_as("viewer").get(f"/recommendations/{world.published.pk}/similar").json() == []
    assert api_as("viewer").get(f"/recommendations/{world.draft.pk}/similar").status_code == 404


def test_bulk_needs_a_limit_and_honours_zero(api_as, suggested):
    api = api_as("coordinator")
    assert api.post("/suggestions/bulk", {"decision": "reject"}).status_code == 422
    response = api.post("/suggestions/bulk", {"decision": "reject", "max_confidence": 0})
    assert response.json() == {"decided": 0, "skipped": 0}
    assert not Suggestion.objects.exclude(state="pending").exists()

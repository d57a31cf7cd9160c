"""/api/recommendations: who sees what, who may decide or ask for opinions, search, history."""

import pytest

from camket.frameworks.models import Recommendation
from camket.review.models import Assessment
from tests.api.conftest import PERSONAS
from tests.api.helpers import ids_of, save_as_officer

VISIBLE = {
    "coordinator": {"published", "draft", "sent_to_a"},
    "officer_a": {"published", "sent_to_a"},
    "officer_b": {"published"},
    "viewer": {"published"},
    "mps_coordinator": {"published"},  # coordinates agency A's frameworks, not this one
}
RECOMMENDATIONS = ["published", "draft", "sent_to_a"]


def _ids(world, names) -> set[int]:
    return {getattr(world, name).pk for name in names}


@pytest.mark.parametrize("persona", [*PERSONAS, "mps_coordinator"])
def test_recommendation_list_contains_exactly_what_the_persona_may_see(world, api_as, persona):
    response = api_as(persona).get("/recommendations")

    assert response.status_code == 200
    assert ids_of(response) == _ids(world, VISIBLE[persona])


@pytest.mark.parametrize("persona", [*PERSONAS, "mps_coordinator"])
@pytest.mark.parametrize("name", RECOMMENDATIONS)
def test_recommendation_detail_is_404_unless_visible(world, api_as, persona, name):
    recommendation = getattr(world, name)

    for path in (
        f"/recommendations/{recommendation.pk}",
        f"/recommendations/{recommendation.pk}/history",
    ):
        response = api_as(persona).get(path)
        expected = 200 if name in VISIBLE[persona] else 404
        assert response.status_code == expected, (path, response.content)


@pytest.mark.parametrize(
    ("persona", "query", "expected"),
    [
        ("coordinator", "dam", {"sent_to_a"}),
        ("officer_a", "dam", {"sent_to_a"}),
        ("officer_b", "dam", set()),
        ("viewer", "dam", set()),
        ("coordinator", "DAM BAO", {"sent_to_a"}),
        ("officer_a", "quyen nguoi khuyet tat", {"sent_to_a"}),
        ("officer_b", "khuyet tat", set()),
        ("coordinator", "mua ban", {"published"}),
        ("officer_b", "mua ban", {"published"}),
        ("viewer", "mua bán người", {"published"}),
        ("coordinator", "institution", {"draft"}),
        ("officer_a", "institution", set()),
        ("viewer", "national human rights", set()),
        ("viewer", "japan", set()),
        ("coordinator", "japan", {"sent_to_a"}),
    ],
)
def test_search_finds_unaccented_vietnamese_within_the_persona_scope(
    world, api_as, persona, query, expected
):
    response = api_as(persona).get("/recommendations", {"q": query})

    assert response.status_code == 200
    assert ids_of(response) == _ids(world, expected)


@pytest.mark.parametrize("persona", ["officer_b", "viewer"])
@pytest.mark.parametrize("status", ["draft", ""])
def test_status_filter_cannot_widen_the_scope_to_hidden_drafts(world, api_as, persona, status):
    response = api_as(persona).get("/recommendations", {"status": status, "q": ""})

    assert ids_of(response) <= {world.published.pk}


def test_officer_b_search_by_agency_a_never_reveals_sent_to_a(world, api_as):
    response = api_as("officer_b").get("/recommendations", {"agency": str(world.agency_a.pk)})

    assert world.sent_to_a.pk not in ids_of(response)


# --- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "name", "expected"),
    [
        ("coordinator", "published", 200),
        ("coordinator", "draft", 200),
        ("coordinator", "sent_to_a", 200),
        ("officer_a", "published", 403),
        ("officer_a", "sent_to_a", 403),
        ("officer_a", "draft", 404),
        ("officer_b", "published", 403),
        ("officer_b", "sent_to_a", 404),
        ("viewer", "published", 403),
        ("viewer", "draft", 404),
    ],
)
def test_only_the_coordinator_can_record_a_decision(world, api_as, persona, name, expected):
    recommendation = getattr(world, name)

    response = api_as(persona).post(
        f"/recommendations/{recommendation.pk}/decision",
        {
            "response": "supported_in_part",
            "reason": "partly in law",
            "decided_on": "2025-05-05",
            "version": recommendation.version,
        },
    )

    assert response.status_code == expected, response.content
    recommendation.refresh_from_db()
    if expected == 200:
        assert recommendation.response == "supported_in_part"
        assert recommendation.decided_by == world.coordinator
        assert response.json()[0]["response"] == "supported_in_part"
    else:
        assert recommendation.response == ""
        assert recommendation.version == 1


def test_second_decision_based_on_the_same_version_is_refused_with_409(world, api_as):
    api = api_as("coordinator")
    path = f"/recommendations/{world.published.pk}/decision"
    version = world.published.version

    first = api.post(path, {"response": "supported", "reason": "first", "version": version})
    second = api.post(path, {"response": "noted", "reason": "second", "version": version})

    assert first.status_code == 200
    assert second.status_code == 409
    world.published.refresh_from_db()
    assert (world.published.response, world.published.response_reason) == ("supported", "first")
    assert world.published.version == version + 1


def test_decision_with_unknown_response_is_rejected_and_nothing_saved(world, api_as):
    response = api_as("coordinator").post(
        f"/recommendations/{world.published.pk}/decision",
        {"response": "maybe", "version": world.published.version},
    )

    assert response.status_code == 422
    world.published.refresh_from_db()
    assert world.published.response == ""


@pytest.mark.parametrize("via", ["web", "api"])
def test_history_lists_the_coordinator_after_a_decision(world, api_as, client, via):
    if via == "web":
        client.force_login(world.coordinator)
        client.post(
            f"/recommendations/{world.published.pk}/decide/",
            {"response": "noted", "reason": "policy", "version": world.published.version},
        )
        client.logout()
    else:
        api_as("coordinator").post(
            f"/recommendations/{world.published.pk}/decision",
            {"response": "noted", "reason": "policy", "version": world.published.version},
        )
    world.published.refresh_from_db()
    assert world.published.response == "noted"

    response = api_as("coordinator").get(f"/recommendations/{world.published.pk}/history")

    assert response.status_code == 200
    latest = response.json()[0]
    assert latest["who"].casefold() == "coordinator"  # username or display name
    assert any(new == "noted" or new == "Noted" for _, _, new in latest["changes"])


def test_history_never_shows_another_agencys_draft_to_officer_b(world, api_as, published_sent_to_a):
    save_as_officer(world.officer_a, published_sent_to_a, comment="A-DRAFT-SECRET")

    for persona in ("officer_b", "viewer", "coordinator"):
        response = api_as(persona).get(f"/recommendations/{world.published.pk}/history")
        assert response.status_code == 200
        assert "A-DRAFT-SECRET" not in response.content.decode(), persona
    own = api_as("officer_a").get(f"/recommendations/{world.published.pk}/history")
    assert "A-DRAFT-SECRET" in own.content.decode()


# --- review requests -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "name", "expected"),
    [
        ("coordinator", "sent_to_a", 200),
        ("coordinator", "draft", 200),
        ("officer_a", "sent_to_a", 403),
        ("officer_a", "published", 403),
        ("officer_b", "sent_to_a", 404),
        ("officer_b", "published", 403),
        ("viewer", "published", 403),
        ("viewer", "draft", 404),
    ],
)
def test_only_the_coordinator_can_ask_agencies_for_an_opinion(
    world, api_as, persona, name, expected
):
    recommendation = getattr(world, name)

    response = api_as(persona).post(
        f"/recommendations/{recommendation.pk}/review-requests", {"agencies": ["moj"]}
    )

    assert response.status_code == expected, response.content
    asked = Assessment.objects.filter(recommendation=recommendation, agency=world.agency_b)
    if expected == 200:
        assert [(a["agency"], a["state"]) for a in response.json()] == [("moj", "requested")]
        assert asked.count() == 1
    else:
        assert not asked.exists()


def test_sending_to_agency_b_lets_officer_b_see_the_recommendation_but_not_a_draft(
    world, api_as, assessment_a
):
    save_as_officer(world.officer_a, assessment_a, comment="A-DRAFT-SECRET")
    assert api_as("officer_b").get(f"/recommendations/{world.sent_to_a.pk}").status_code == 404

    api_as("coordinator").post(
        f"/recommendations/{world.sent_to_a.pk}/review-requests", {"agencies": ["moj"]}
    )

    api = api_as("officer_b")
    assert api.get(f"/recommendations/{world.sent_to_a.pk}").status_code == 200
    assert api.get(f"/review/assessments/{assessment_a.pk}").status_code == 404
    assert assessment_a.pk not in ids_of(api.get("/review/assessments"))
    assert (
        "A-DRAFT-SECRET"
        not in api.get(f"/recommendations/{world.sent_to_a.pk}/history").content.decode()
    )


def test_review_request_for_unknown_agency_is_rejected(world, api_as):
    response = api_as("coordinator").post(
        f"/recommendations/{world.draft.pk}/review-requests", {"agencies": ["nope"]}
    )

    assert response.status_code == 422
    assert not Assessment.objects.filter(recommendation=world.draft).exists()


def test_draft_recommendation_stays_draft_when_sent_for_review(world, api_as):
    api_as("coordinator").post(
        f"/recommendations/{world.draft.pk}/review-requests", {"agencies": ["mps"]}
    )

    assert Recommendation.objects.get(pk=world.draft.pk).status == "draft"
    assert api_as("viewer").get(f"/recommendations/{world.draft.pk}").status_code == 404
    assert api_as("officer_a").get(f"/recommendations/{world.draft.pk}").status_code == 200

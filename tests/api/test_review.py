"""/api/review and /api/imports: assessments by state and persona, progress, clusters, imports."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from camket.frameworks.models import Recommendation
from camket.review import services
from camket.review.models import Assessment, Cluster
from tests.api.conftest import PERSONAS
from tests.api.helpers import ids_of, save_as_officer

# Who finds agency A's assessment of `sent_to_a`, by the assessment's state.
SEES_ASSESSMENT_OF_SENT_TO_A = {
    "requested": {"coordinator", "officer_a"},
    "draft": {"officer_a"},
    "submitted": {"coordinator", "officer_a"},
}
# Same, for agency A's assessment of the *published* recommendation.
SEES_ASSESSMENT_OF_PUBLISHED = {
    "requested": {"coordinator", "officer_a"},
    "draft": {"officer_a"},
    "submitted": {"coordinator", "officer_a", "officer_b", "viewer"},
}


def _bring_to(world, assessment, state):
    if state != "requested":
        save_as_officer(
            world.officer_a, assessment, comment=f"{state} comment", submit=state == "submitted"
        )
    assert assessment.state == state
    return assessment


def _put(api, assessment, **changes):
    body = {
        "version": assessment.version,
        "comment": "edited",
        "proposed_response": "supported",
        "submit": True,
        **changes,
    }
    return api.put(f"/review/assessments/{assessment.pk}", body)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("state", ["requested", "draft", "submitted"])
@pytest.mark.parametrize(
    "assessment_fixture, readers",
    [
        ("assessment_a", SEES_ASSESSMENT_OF_SENT_TO_A),
        ("published_sent_to_a", SEES_ASSESSMENT_OF_PUBLISHED),
    ],
)
def test_agency_a_assessment_is_seen_only_by_its_readers(
    world, api_as, request, assessment_fixture, readers, persona, state
):
    assessment = request.getfixturevalue(assessment_fixture)
    _bring_to(world, assessment, state)
    api = api_as(persona)
    sees = persona in readers[state]

    listed = assessment.pk in ids_of(api.get("/review/assessments"))
    single = api.get(f"/review/assessments/{assessment.pk}")

    assert listed is sees
    assert single.status_code == (200 if sees else 404)


def test_coordinator_does_not_see_drafts_when_filtering_by_state(world, api_as, assessment_a):
    _bring_to(world, assessment_a, "draft")

    response = api_as("coordinator").get("/review/assessments", {"state": "draft"})

    assert response.status_code == 200
    assert ids_of(response) == set()


def test_coordinator_cannot_read_an_agency_draft_by_withdrawing_the_request(
    world, api_as, assessment_a
):
    _bring_to(world, assessment_a, "draft")
    services.withdraw_request(world.coordinator, assessment_a)
    api = api_as("coordinator")

    listing = api.get("/review/assessments").content.decode()
    history = api.get(f"/recommendations/{world.sent_to_a.pk}/history").content.decode()

    assert "draft comment" not in listing
    assert "draft comment" not in history


def test_officer_a_saves_then_submits_own_assessment(world, api_as, assessment_a):
    api = api_as("officer_a")

    saved = _put(api, assessment_a, comment="first thoughts", submit=False)
    assessment_a.refresh_from_db()
    submitted = _put(api, assessment_a, comment="final", proposed_response="noted")

    assert saved.status_code == 200, saved.content
    assert saved.json()["state"] == "draft"
    assert submitted.status_code == 200, submitted.content
    assessment_a.refresh_from_db()
    assert (assessment_a.state, assessment_a.comment, assessment_a.proposed_response) == (
        "submitted",
        "final",
        "noted",
    )
    assert assessment_a.submitted_by == world.officer_a


def test_submitting_without_a_proposed_response_is_refused(world, api_as, assessment_a):
    response = _put(api_as("officer_a"), assessment_a, proposed_response="")

    assert response.status_code == 422
    assessment_a.refresh_from_db()
    assert assessment_a.state == "requested"


@pytest.mark.parametrize(
    ("persona", "state", "expected"),
    [
        ("officer_b", "requested", 404),
        ("officer_b", "draft", 404),
        ("officer_b", "submitted", 403),
        ("viewer", "draft", 404),
        ("viewer", "submitted", 403),
        ("coordinator", "requested", 403),
        ("coordinator", "draft", 404),
        ("coordinator", "submitted", 403),
        ("officer_a", "submitted", 403),
    ],
)
def test_nobody_but_agency_a_edits_its_open_assessment_via_api(
    world, api_as, published_sent_to_a, persona, state, expected
):
    _bring_to(world, published_sent_to_a, state)
    before = (published_sent_to_a.state, published_sent_to_a.comment, published_sent_to_a.version)

    response = _put(api_as(persona), published_sent_to_a, comment="overwritten")

    assert response.status_code == expected, response.content
    published_sent_to_a.refresh_from_db()
    assert (
        published_sent_to_a.state,
        published_sent_to_a.comment,
        published_sent_to_a.version,
    ) == before


@pytest.mark.parametrize("persona", ["officer_b", "viewer", "coordinator"])
def test_others_cannot_edit_agency_a_assessment_of_sent_to_a(world, api_as, assessment_a, persona):
    response = _put(api_as(persona), assessment_a, comment="overwritten")

    assert response.status_code in (403, 404)
    assessment_a.refresh_from_db()
    assert (assessment_a.state, assessment_a.comment) == ("requested", "")


def test_second_save_based_on_the_same_version_gets_409_and_first_is_kept(
    world, api_as, assessment_a
):
    api = api_as("officer_a")
    version = assessment_a.version

    first = _put(api, assessment_a, version=version, comment="first save", submit=False)
    second = _put(
        api,
        assessment_a,
        version=version,
        comment="second save",
        proposed_response="noted",
        submit=False,
    )

    assert first.status_code == 200
    assert second.status_code == 409
    assessment_a.refresh_from_db()
    assert (assessment_a.comment, assessment_a.proposed_response) == ("first save", "supported")
    assert assessment_a.version == version + 1


# --- progress, clusters, imports -------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("coordinator", 200), ("viewer", 200), ("officer_a", 403), ("officer_b", 403)],
)
def test_review_progress_is_for_coordinator_and_viewer(world, api_as, persona, expected):
    response = api_as(persona).get("/review/progress")

    assert response.status_code == expected
    if expected == 200:
        assert response.json() == [{"agency": "mps", "asked": 1, "awaiting": 1, "submitted": 0}]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("coordinator", 200), ("officer_a", 403), ("officer_b", 403), ("viewer", 403)],
)
def test_only_the_coordinator_creates_clusters(world, api_as, persona, expected):
    members = [world.published.pk, world.sent_to_a.pk]

    response = api_as(persona).post(
        "/review/clusters", {"title": "Trafficking", "recommendation_ids": members}
    )

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["framework"] == "upr-vn-4"
        cluster = Cluster.objects.get()
        assert set(cluster.members.values_list("pk", flat=True)) == set(members)
    else:
        assert not Cluster.objects.exists()
        assert not Recommendation.objects.filter(cluster__isnull=False).exists()


def _csv(reference="Z1"):
    return SimpleUploadedFile(
        "new.csv", f"reference,text\n{reference},Ensure access.\n".encode(), content_type="text/csv"
    )


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_the_coordinator_may_import_via_api(world, api_as, persona):
    response = api_as(persona).upload("/imports", {"file": _csv()}, "?framework=upr-vn-4")

    assert response.status_code == 403
    assert not Recommendation.objects.filter(reference="Z1").exists()


def test_coordinator_import_dry_run_writes_nothing(world, api_as):
    response = api_as("coordinator").upload(
        "/imports", {"file": _csv()}, "?framework=upr-vn-4&dry_run=true"
    )

    assert response.status_code == 200, response.content
    assert (response.json()["created"], response.json()["dry_run"]) == (1, True)
    assert not Recommendation.objects.filter(reference="Z1").exists()


def test_coordinator_import_creates_a_draft_that_viewer_cannot_see(world, api_as):
    response = api_as("coordinator").upload("/imports", {"file": _csv("Z2")}, "?framework=upr-vn-4")

    assert response.status_code == 200, response.content
    imported = Recommendation.objects.get(reference="Z2")
    assert imported.status == "draft"
    assert api_as("viewer").get(f"/recommendations/{imported.pk}").status_code == 404
    assert api_as("coordinator").get(f"/recommendations/{imported.pk}").status_code == 200


def test_assessment_listing_is_empty_for_a_viewer_before_anything_is_submitted(world, api_as):
    response = api_as("viewer").get("/review/assessments")

    assert response.status_code == 200
    assert ids_of(response) == set()
    assert Assessment.objects.count() == 1

"""An opinion's draft texts stay inside its agency, in every history, before and after submission.

Others (the coordinator, other agencies, viewers) read an opinion from its submission on; a
draft recommendation's history is read from its publication on by those who could not see
the draft.
"""

import pytest

from camket.accounts.models import ApiToken
from camket.lib.concurrency import save_if_current
from camket.review import services
from camket.review.models import Assessment

OUTSIDERS = ["coordinator", "officer_b", "viewer"]
DRAFT = "A-DRAFT-SECRET wording"
SUBMITTED = "Agency A supports this recommendation."


def _save(world, assessment, comment, *, submit=False, response="noted"):
    assessment.refresh_from_db()
    services.save_assessment(
        world.officer_a,
        assessment,
        {"comment": comment, "proposed_response": response, "conforms_to_law": "no"},
        version=assessment.version,
        submit=submit,
    )
    assessment.refresh_from_db()


def _submit(world, assessment):
    assessment.refresh_from_db()
    services.save_assessment(
        world.officer_a,
        assessment,
        {"comment": SUBMITTED, "proposed_response": "supported", "conforms_to_law": "yes"},
        version=assessment.version,
        submit=True,
    )


@pytest.fixture
def opinion(world):
    """Agency A's opinion on the published recommendation, which everyone can read."""
    services.send_for_review(world.coordinator, [world.published], [world.agency_a])
    assessment = Assessment.objects.get(recommendation=world.published, agency=world.agency_a)
    _save(world, assessment, DRAFT)
    _save(world, assessment, DRAFT + " (second go)")
    return assessment


def _bodies(client, world, persona, assessment) -> dict[str, str]:
    """Every way to read the history: both web pages and the API."""
    user = getattr(world, persona)
    client.force_login(user)
    _, secret = ApiToken.issue(user, "history test")
    bodies = {
        "detail": client.get(f"/recommendations/{assessment.recommendation_id}/"),
        "api": client.get(
            f"/api/recommendations/{assessment.recommendation_id}/history",
            headers={"Authorization": f"Bearer {secret}"},
        ),
    }
    page = client.get(f"/assessments/{assessment.pk}/")
    if page.status_code != 404:
        bodies["assessment"] = page
    client.logout()
    assert {name: r.status_code for name, r in bodies.items()} == dict.fromkeys(bodies, 200)
    return {name: response.content.decode() for name, response in bodies.items()}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_never_read_a_draft_opinion_before_submission(client, world, opinion, persona):
    for name, body in _bodies(client, world, persona, opinion).items():
        assert DRAFT not in body, (persona, name)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_read_the_opinion_from_its_submission_on(client, world, opinion, persona):
    _submit(world, opinion)

    bodies = _bodies(client, world, persona, opinion)

    assert set(bodies) == {"detail", "api", "assessment"}
    for name, body in bodies.items():
        assert DRAFT not in body, (persona, name)
        assert SUBMITTED in body, (persona, name)
        assert "Noted" not in body.split('id="history-title"')[-1], (persona, name)


def test_outsiders_see_the_submission_as_one_change_from_the_request(world, opinion):
    from camket.review.history import assessment_history

    _submit(world, opinion)

    for persona in OUTSIDERS:
        entries = assessment_history(getattr(world, persona), opinion)
        changes = {label: (old, new) for label, old, new in entries[0].changes}
        assert changes["comment"] == ("—", SUBMITTED), persona
        assert changes["status"] == ("Awaiting the agency", "Submitted"), persona
        assert changes["conformity with law"] == ("Not assessed", "Yes"), persona
    coordinator = assessment_history(world.coordinator, opinion)
    assert [entry.kind for entry in coordinator] == ["changed", "created"]  # request, submission
    assert [entry.kind for entry in assessment_history(world.viewer, opinion)] == ["changed"]


def test_the_agency_reads_every_draft_before_and_after_submission(client, world, opinion):
    assert all(DRAFT in body for body in _bodies(client, world, "officer_a", opinion).values())

    _submit(world, opinion)

    for name, body in _bodies(client, world, "officer_a", opinion).items():
        assert DRAFT in body, name
        assert SUBMITTED in body, name


def test_a_withdrawn_draft_does_not_reach_the_coordinator_after_a_new_request(
    client, world, opinion
):
    services.withdraw_request(world.coordinator, opinion)
    services.send_for_review(world.coordinator, [world.published], [world.agency_a])
    _submit(world, opinion)

    bodies = _bodies(client, world, "coordinator", opinion)

    assert all(DRAFT not in body and SUBMITTED in body for body in bodies.values())
    assert "Withdrawn" in bodies["assessment"]


# --- draft recommendations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "sees_draft"),
    [("coordinator", True), ("officer_a", True), ("officer_b", False), ("viewer", False)],
)
def test_a_recommendation_is_read_from_its_publication_by_those_who_could_not_see_the_draft(
    client, world, persona, sees_draft
):
    recommendation = world.sent_to_a  # a draft sent to agency A
    recommendation.text = "DRAFT-ONLY wording of the recommendation"
    save_if_current(recommendation, recommendation.version, ["text"], user=world.coordinator)
    recommendation.text = "Ensure the rights of persons with disabilities."
    save_if_current(recommendation, recommendation.version, ["text"], user=world.coordinator)
    services.set_status(world.coordinator, [recommendation], "published")
    user = getattr(world, persona)
    client.force_login(user)
    _, secret = ApiToken.issue(user, "history test")

    page = client.get(f"/recommendations/{recommendation.pk}/")
    api = client.get(
        f"/api/recommendations/{recommendation.pk}/history",
        headers={"Authorization": f"Bearer {secret}"},
    )

    assert (page.status_code, api.status_code) == (200, 200)
    history = page.content.decode().split('id="history-title"')[-1]
    assert ("DRAFT-ONLY wording" in history) is sees_draft
    assert ("DRAFT-ONLY wording" in api.content.decode()) is sees_draft
    assert ("Draft" in history) is sees_draft

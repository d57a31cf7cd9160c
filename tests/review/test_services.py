"""The review workflow's rules, below the web and API layers."""

import threading
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from camket.frameworks.models import Recommendation
from camket.lib.concurrency import StaleEdit
from camket.review import services
from camket.review.models import Assessment
from tests.personas import make_recommendation


def _assessment(world) -> Assessment:
    return Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_a)


def test_sending_twice_to_the_same_agency_makes_one_request(world):
    made = services.send_for_review(world.coordinator, [world.published], [world.agency_b])
    again = services.send_for_review(world.coordinator, [world.published], [world.agency_b])
    assert (made.sent, again.sent, again.unchanged) == (1, 0, 1)
    assert world.published.assessments.count() == 1


def test_only_the_coordinator_sends_for_review(world):
    with pytest.raises(PermissionDenied):
        services.send_for_review(world.officer_a, [world.published], [world.agency_b])


def test_agency_officer_saves_a_draft_then_submits(world):
    assessment = _assessment(world)
    services.save_assessment(
        world.officer_a, assessment, {"comment": "Draft"}, version=assessment.version
    )
    assert assessment.state == "draft"
    services.save_assessment(
        world.officer_a,
        assessment,
        {"proposed_response": "supported", "conforms_to_law": "yes"},
        version=assessment.version,
        submit=True,
    )
    assessment.refresh_from_db()
    assert assessment.state == "submitted" and assessment.submitted_by == world.officer_a
    assert assessment.history.first().history_user == world.officer_a


def test_submitting_needs_a_proposed_response(world):
    assessment = _assessment(world)
    with pytest.raises(ValidationError):
        services.save_assessment(world.officer_a, assessment, {}, version=1, submit=True)


def test_agency_b_officer_cannot_change_agency_a_assessment(world):
    with pytest.raises(PermissionDenied):
        services.save_assessment(world.officer_b, _assessment(world), {"comment": "x"}, version=1)


def test_submitted_assessment_is_closed_to_further_edits(world):
    assessment = _assessment(world)
    services.save_assessment(
        world.officer_a, assessment, {"proposed_response": "noted"}, version=1, submit=True
    )
    with pytest.raises(PermissionDenied):
        services.save_assessment(
            world.officer_a, assessment, {"comment": "late"}, version=assessment.version
        )


def test_stale_assessment_edit_is_refused_and_first_edit_kept(world):
    first = _assessment(world)
    second = _assessment(world)
    services.save_assessment(world.officer_a, first, {"comment": "First"}, version=1)
    with pytest.raises(StaleEdit):
        services.save_assessment(world.officer_a, second, {"comment": "Second"}, version=1)
    assert _assessment(world).comment == "First"


def test_stale_decision_is_refused_and_nothing_is_lost(world):
    recommendation = world.published
    services.decide(
        world.coordinator,
        recommendation,
        response="supported",
        reason="First",
        decided_on=date(2024, 9, 1),
        version=1,
    )
    stale = Recommendation.objects.get(pk=recommendation.pk)
    with pytest.raises(StaleEdit):
        services.decide(
            world.coordinator, stale, response="noted", reason="Second", decided_on=None, version=1
        )
    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.response_reason) == ("supported", "First")


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_on_the_same_version_let_only_one_win():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite is one connection: no real concurrency to test")
    from tests.personas import make_world

    world = make_world()
    outcomes = []
    barrier = threading.Barrier(2)

    def decide(response):
        try:
            recommendation = Recommendation.objects.get(pk=world.published.pk)
            barrier.wait()
            services.decide(
                world.coordinator,
                recommendation,
                response=response,
                reason="",
                decided_on=None,
                version=1,
            )
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(r,)) for r in ("supported", "noted")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert Recommendation.objects.get(pk=world.published.pk).version == 2


def test_deciding_one_member_decides_the_whole_cluster(world):
    twin = make_recommendation(world.framework, "1.9", "Combat trafficking in persons.")
    cluster = services.make_cluster(world.coordinator, [world.published, twin], "Trafficking")
    services.decide(
        world.coordinator,
        world.published,
        response="supported",
        reason="One decision",
        decided_on=None,
        version=world.published.version,
    )
    for member in cluster.members.all():
        assert (member.response, member.response_reason) == ("supported", "One decision")
        assert member.decided_by == world.coordinator


def test_a_cluster_needs_two_recommendations_of_one_framework(world):
    with pytest.raises(ValidationError):
        services.make_cluster(world.coordinator, [world.published], "Alone")


def test_progress_counts_requests_awaiting_each_agency(world):
    services.send_for_review(world.coordinator, [world.published, world.draft], [world.agency_b])
    assessment = _assessment(world)
    services.save_assessment(
        world.officer_a, assessment, {"proposed_response": "noted"}, version=1, submit=True
    )
    rows = {row["agency"].code: row for row in services.review_progress()}
    assert (rows["moj"]["asked"], rows["moj"]["awaiting"], rows["moj"]["submitted"]) == (2, 2, 0)
    assert (rows["mps"]["asked"], rows["mps"]["awaiting"], rows["mps"]["submitted"]) == (1, 0, 1)


def test_withdrawn_request_disappears_from_the_agency_queue(world):
    assessment = _assessment(world)
    services.withdraw_request(world.coordinator, assessment)
    assert not services.open_assessments_for(world.officer_a).exists()

"""Deciding, asking for opinions, withdrawing, clustering and publishing, per framework: the
MPS coordinator acts on the drug programme and is refused on the UPR cycle (MOFA's), and the
other way round; neither sees the other's drafts or requests."""

import pytest
from django.core.exceptions import PermissionDenied

from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_frameworks, visible_recommendations
from camket.review import services
from camket.review.models import Assessment, Cluster
from camket.review.scoping import opinion_requests, visible_assessments
from tests.personas import make_recommendation

# (persona, the framework's items they act on, the other framework's published item)
OWN_AND_OTHER = [
    ("mps_coordinator", "drug_published", "published"),
    ("coordinator", "published", "drug_published"),
]


def _names(world, queryset) -> set[str]:
    names = ("published", "draft", "sent_to_a", "drug_published", "drug_draft")
    by_pk = {getattr(world, name).pk: name for name in names}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator", {"published", "draft", "sent_to_a", "drug_published"}),
        ("mps_coordinator", {"published", "drug_published", "drug_draft"}),
        ("officer_a", {"published", "sent_to_a", "drug_published"}),
        ("viewer", {"published", "drug_published"}),
    ],
)
def test_each_coordinator_sees_the_drafts_of_their_own_framework_only(
    drug_world, persona, expected
):
    user = getattr(drug_world, persona)

    assert _names(drug_world, visible_recommendations(user)) == expected


def test_a_framework_holding_only_drafts_is_named_to_its_coordinators_only(drug_world):
    Recommendation.objects.filter(pk=drug_world.drug_published.pk).update(status="draft")

    assert drug_world.drug_programme in visible_frameworks(drug_world.mps_coordinator)
    assert drug_world.drug_programme not in visible_frameworks(drug_world.coordinator)


@pytest.mark.parametrize(("persona", "own", "other"), OWN_AND_OTHER)
def test_a_coordinator_decides_in_their_framework_only(drug_world, persona, own, other):
    user, mine, theirs = (getattr(drug_world, name) for name in (persona, own, other))

    services.decide(
        user, mine, response="supported", reason="", decided_on=None, version=mine.version
    )
    with pytest.raises(PermissionDenied, match="Only the coordinators of"):
        services.decide(
            user, theirs, response="noted", reason="", decided_on=None, version=theirs.version
        )

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.response, mine.decided_by) == ("supported", user)
    assert theirs.response == ""
    assert mine.history.first().history_user == user


@pytest.mark.parametrize(("persona", "own", "other"), OWN_AND_OTHER)
def test_sending_publishing_and_clustering_stay_within_the_framework(
    drug_world, persona, own, other
):
    user, mine, theirs = (getattr(drug_world, name) for name in (persona, own, other))
    framework_of_theirs = theirs.framework

    services.send_for_review(user, [mine], [drug_world.agency_b])
    for refused in (
        lambda: services.send_for_review(user, [mine, theirs], [drug_world.agency_b]),
        lambda: services.set_status(user, [theirs], "archived"),
        lambda: services.make_cluster(
            user,
            [theirs, make_recommendation(framework_of_theirs, "9.9", "Another one.")],
            "Theirs",
        ),
    ):
        with pytest.raises(PermissionDenied):
            refused()

    assert Assessment.objects.filter(recommendation=mine, agency=drug_world.agency_b).exists()
    assert not Assessment.objects.filter(recommendation=theirs).exists()
    assert Recommendation.objects.get(pk=theirs.pk).status == "published"
    assert not Cluster.objects.exists()


def test_the_ministry_coordinator_does_not_see_requests_on_the_drug_programme(drug_world):
    mps, mofa = drug_world.mps_coordinator, drug_world.coordinator
    services.send_for_review(mps, [drug_world.drug_published], [drug_world.agency_b])
    request = Assessment.objects.get(recommendation=drug_world.drug_published)

    assert request in visible_assessments(mps)
    assert request not in visible_assessments(mofa)  # asked, not yet answered
    assert [row.pk for row in opinion_requests(mps, drug_world.drug_published)] == [request.pk]
    assert opinion_requests(mofa, drug_world.drug_published) == []
    with pytest.raises(PermissionDenied):
        services.withdraw_request(mofa, request)
    services.withdraw_request(mps, request)


def test_the_mps_coordinator_does_not_see_requests_on_the_upr_cycle(drug_world):
    request = Assessment.objects.get(recommendation=drug_world.sent_to_a)

    assert request not in visible_assessments(drug_world.mps_coordinator)
    with pytest.raises(PermissionDenied):
        services.withdraw_request(drug_world.mps_coordinator, request)
    request.refresh_from_db()
    assert request.state == Assessment.State.REQUESTED


# --- web ---------------------------------------------------------------------------------------


def test_web_decision_on_another_framework_is_refused(drug_world, client):
    client.force_login(drug_world.mps_coordinator)
    upr = drug_world.published

    refused = client.post(
        f"/recommendations/{upr.pk}/decide/",
        {"response": "noted", "reason": "", "version": upr.version},
    )
    hidden = client.post(
        f"/recommendations/{drug_world.draft.pk}/decide/",
        {"response": "noted", "reason": "", "version": 1},
    )
    page = client.get(f"/recommendations/{upr.pk}/").content.decode()

    assert refused.status_code == 403 and hidden.status_code == 404
    assert Recommendation.objects.get(pk=upr.pk).response == ""
    assert f"/recommendations/{upr.pk}/decide/" not in page


def test_web_decision_in_own_framework_is_recorded(drug_world, client):
    client.force_login(drug_world.mps_coordinator)
    item = drug_world.drug_draft

    page = client.get(f"/recommendations/{item.pk}/").content.decode()
    response = client.post(
        f"/recommendations/{item.pk}/decide/",
        {"response": "supported", "reason": "", "version": item.version},
    )

    assert f"/recommendations/{item.pk}/decide/" in page
    assert response.status_code == 302
    assert Recommendation.objects.get(pk=item.pk).decided_by == drug_world.mps_coordinator


def test_web_withdrawal_of_another_framework_request_is_404(drug_world, client):
    request = Assessment.objects.get(recommendation=drug_world.sent_to_a)
    client.force_login(drug_world.mps_coordinator)

    response = client.post(f"/assessments/{request.pk}/withdraw/")

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.state == Assessment.State.REQUESTED


def test_web_bulk_publication_of_another_framework_changes_nothing(drug_world, client):
    client.force_login(drug_world.coordinator)

    listing = client.get("/recommendations/").content.decode()
    response = client.post(
        "/recommendations/bulk/", {"action": "archive", "ids": [drug_world.drug_published.pk]}
    )

    assert f'value="{drug_world.published.pk}" form="bulk"' in listing
    assert f'value="{drug_world.drug_published.pk}" form="bulk"' not in listing
    assert response.status_code == 403
    assert Recommendation.objects.get(pk=drug_world.drug_published.pk).status == "published"

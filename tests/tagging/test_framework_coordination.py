"""Suggested tags are decided by the coordinators of the recommendation's framework; bulk
decisions leave other frameworks' suggestions alone; runs are asked for one's own frameworks."""

import pytest
from django.core.exceptions import PermissionDenied

from camket.tagging import suggestions
from camket.tagging.models import TaggingRun
from camket.tagging.runs import request_run


@pytest.fixture
def suggested(drug_world, tiny_tagger):
    """Pending suggestions on the UPR cycle's and the drug programme's published items."""
    suggestions.suggest([drug_world.published, drug_world.drug_published], tiny_tagger)
    upr = drug_world.published.suggestions.order_by("id").first()
    drug = drug_world.drug_published.suggestions.order_by("id").first()
    assert upr is not None and drug is not None
    return upr, drug


@pytest.mark.parametrize(("persona", "own"), [("mps_coordinator", 1), ("coordinator", 0)])
def test_a_coordinator_decides_suggestions_of_their_framework_only(
    drug_world, suggested, persona, own
):
    user = getattr(drug_world, persona)
    mine, theirs = suggested[own], suggested[1 - own]

    suggestions.reject(user, mine)
    for refused in (suggestions.accept, suggestions.reject):
        with pytest.raises(PermissionDenied):
            refused(user, theirs)

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.state, mine.decided_by) == ("rejected", user)
    assert theirs.state == "pending"


def test_bulk_decision_leaves_other_frameworks_alone(drug_world, suggested):
    from camket.tagging.models import Suggestion

    decided, _skipped = suggestions.decide_many(
        drug_world.mps_coordinator, Suggestion.objects.all(), accepting=False
    )

    assert decided == drug_world.drug_published.suggestions.count()
    assert set(
        Suggestion.objects.filter(state="rejected").values_list(
            "recommendation__framework__slug", flat=True
        )
    ) == {"drug-programme"}
    assert not drug_world.published.suggestions.exclude(state="pending").exists()


def test_web_accept_of_another_framework_suggestion_is_refused(drug_world, suggested, client):
    upr, drug = suggested
    client.force_login(drug_world.mps_coordinator)

    listing = client.get("/suggestions/", {"state": "pending"}).content.decode()
    response = client.post(f"/suggestions/{upr.pk}/accept/")

    assert response.status_code == 403
    upr.refresh_from_db()
    assert upr.state == "pending"
    assert f"/suggestions/{drug.pk}/accept/" in listing
    assert f"/suggestions/{upr.pk}/accept/" not in listing


def test_runs_are_asked_for_a_coordinated_framework(drug_world):
    mps = drug_world.mps_coordinator

    with pytest.raises(PermissionDenied):
        request_run(mps, TaggingRun.Job.SUGGEST, drug_world.framework)
    with pytest.raises(PermissionDenied):
        request_run(mps, TaggingRun.Job.SUGGEST, None)  # every framework, the UPR cycle too
    run = request_run(mps, TaggingRun.Job.SUGGEST, drug_world.drug_programme)

    assert list(TaggingRun.objects.all()) == [run]

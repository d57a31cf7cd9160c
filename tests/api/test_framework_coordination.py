"""The API applies per-framework coordination like the web: the MPS coordinator decides and
plans in the drug programme, is refused (403, or 404 for what they may not see) on the UPR
cycle, and the other way round for the ministry's coordinator."""

import pytest

from camket.frameworks.models import Recommendation
from camket.plans.models import Action, Plan
from camket.review.models import Assessment
from tests.api.conftest import ApiClient
from tests.api.helpers import ids_of
from tests.personas import make_drug_plan, make_plan_world


@pytest.fixture
def api(drug_world, client):
    return lambda persona: ApiClient(client, getattr(drug_world, persona))


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("mps_coordinator", {"published", "drug_published", "drug_draft"}),
        ("coordinator", {"published", "draft", "sent_to_a", "drug_published"}),
    ],
)
def test_each_coordinator_lists_the_drafts_of_their_framework_only(
    drug_world, api, persona, expected
):
    response = api(persona).get("/recommendations")

    assert ids_of(response) == {getattr(drug_world, name).pk for name in expected}


@pytest.mark.parametrize(
    ("persona", "own", "other", "hidden"),
    [
        ("mps_coordinator", "drug_draft", "published", "draft"),
        ("coordinator", "published", "drug_published", "drug_draft"),
    ],
)
def test_decisions_and_requests_per_framework(drug_world, api, persona, own, other, hidden):
    caller = api(persona)
    mine, theirs, unseen = (getattr(drug_world, name) for name in (own, other, hidden))

    decided = caller.post(
        f"/recommendations/{mine.pk}/decision",
        {"response": "supported", "reason": "", "version": mine.version},
    )
    refused = caller.post(
        f"/recommendations/{theirs.pk}/decision",
        {"response": "noted", "reason": "", "version": theirs.version},
    )
    asked = caller.post(f"/recommendations/{theirs.pk}/review-requests", {"agencies": ["moj"]})
    not_found = caller.post(
        f"/recommendations/{unseen.pk}/decision",
        {"response": "noted", "reason": "", "version": unseen.version},
    )

    assert decided.status_code == 200, decided.content
    assert (refused.status_code, asked.status_code, not_found.status_code) == (403, 403, 404)
    assert Recommendation.objects.get(pk=theirs.pk).response == ""
    assert not Assessment.objects.filter(recommendation=theirs).exists()


def test_plans_per_framework(drug_world, api):
    upr, drug = make_plan_world(drug_world), make_drug_plan(drug_world)
    mps = api("mps_coordinator")

    refused_plan = mps.post("/plans", {"framework": "upr-vn-4", "title": "Not mine"})
    made_plan = mps.post("/plans", {"framework": "drug-programme", "title": "Second plan"})
    refused_status = mps.post(
        f"/actions/{upr.action_a.pk}/status",
        {"status": "implemented", "reason": "", "version": upr.action_a.version},
    )
    hidden_draft = mps.get(f"/actions/{upr.action_b.pk}")
    refused_by_mofa = api("coordinator").post(
        "/actions/publication", {"ids": [drug.action.pk], "publication": "archived"}
    )

    assert refused_plan.status_code == 403 and made_plan.status_code == 200, made_plan.content
    assert refused_status.status_code == 403 and hidden_draft.status_code == 404
    assert refused_by_mofa.status_code == 403
    assert Plan.objects.filter(framework__slug="drug-programme").count() == 2
    assert Action.objects.get(pk=upr.action_a.pk).status == "not_started"
    assert Action.objects.get(pk=drug.action.pk).publication == "published"

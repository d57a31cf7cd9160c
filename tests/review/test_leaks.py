"""Titles, filters and queues are built only from records the reader may see."""

import pytest

from camket.accounts.models import ApiToken
from camket.frameworks.models import Category, Framework, Taxonomy
from camket.review import services
from tests.personas import make_recommendation

EVERY_READER = ["coordinator", "officer_a", "officer_b", "viewer"]


def _get(client, world, persona, path, *, api=False) -> str:
    user = getattr(world, persona)
    client.force_login(user)
    headers = {}
    if api:
        _, secret = ApiToken.issue(user, "leak test")
        headers = {"Authorization": f"Bearer {secret}"}
    response = client.get(path, headers=headers)
    assert response.status_code == 200, (persona, path)
    return response.content.decode()


# --- cluster titles ----------------------------------------------------------------------------


@pytest.fixture
def mixed_cluster(world):
    """A cluster made without a title from the draft (first) and the published recommendation:
    its stored title is the draft's text."""
    cluster = services.make_cluster(world.coordinator, [world.draft, world.published], "")
    assert cluster.title == world.draft.text
    return cluster


@pytest.mark.parametrize(
    ("persona", "sees_draft"),
    [("coordinator", True), ("officer_a", False), ("officer_b", False), ("viewer", False)],
)
def test_a_cluster_title_never_repeats_a_text_the_reader_may_not_see(
    client, world, mixed_cluster, persona, sees_draft
):
    paths = [
        f"/recommendations/{world.published.pk}/",
        "/recommendations/",
        f"/clusters/{mixed_cluster.pk}/",
    ]
    if persona in ("coordinator", "viewer"):
        paths.append("/review/")  # the others are sent to their own opinions
    for path in paths:
        body = _get(client, world, persona, path)
        assert (world.draft.text in body) is sees_draft, path
        if not sees_draft:
            assert world.published.text in body, path  # named after the member they may read


@pytest.mark.parametrize("persona", ["coordinator", "viewer"])
def test_review_lists_only_clusters_with_a_member_the_reader_may_see(client, world, persona):
    services.make_cluster(world.coordinator, [world.draft, world.sent_to_a], "Hidden cluster")

    body = _get(client, world, persona, "/review/")

    assert ("Hidden cluster" in body) is (persona == "coordinator")


# --- filter choices ----------------------------------------------------------------------------


@pytest.fixture
def draft_import(world):
    """A framework holding only a draft recommendation, from a new state, with a new theme."""
    framework = Framework.objects.create(
        slug="draft-only", name="DRAFT-ONLY framework", kind="programme"
    )
    recommendation = make_recommendation(
        framework,
        "9.9",
        "Something still in the drafts.",
        status="draft",
        states=["DRAFT-ONLY Atlantis"],
    )
    taxonomy = Taxonomy.objects.create(slug="imported", name="Imported themes")
    theme = Category.objects.create(taxonomy=taxonomy, name="DRAFT-ONLY theme")
    recommendation.categories.add(theme)
    return recommendation


@pytest.mark.parametrize("persona", EVERY_READER)
def test_filters_offer_only_what_comes_from_recommendations_the_reader_may_see(
    client, world, draft_import, persona
):
    pages = {
        path: _get(client, world, persona, path)
        for path in ("/recommendations/", "/suggestions/", "/review/duplicates/")
    }
    pages["api"] = _get(client, world, persona, "/api/frameworks", api=True)

    for path, body in pages.items():
        assert ("DRAFT-ONLY framework" in body) is (persona == "coordinator"), path
    for name in ("DRAFT-ONLY Atlantis", "DRAFT-ONLY theme"):
        assert (name in pages["/recommendations/"]) is (persona == "coordinator"), name
    assert "UPR Viet Nam cycle 4" in pages["/recommendations/"]


# --- report queue ------------------------------------------------------------------------------


def test_an_agencys_queue_lists_only_its_own_recently_accepted_reports(client, plan_world):
    from camket.plans import services as plan_services
    from camket.reports.services import accept_report, save_report

    world = plan_world.world
    plan_services.set_publication(world.coordinator, [plan_world.action_b], "published")
    for officer, indicator in (
        (world.officer_a, plan_world.indicator_a),
        (world.officer_b, plan_world.indicator_b),
    ):
        report = save_report(
            officer,
            indicator.due_dates.order_by("due_on").first(),
            {"status": "in_progress", "narrative": f"Report of {officer.username}"},
            version=None,
            submit=True,
        )
        accept_report(world.coordinator, report, version=report.version)

    client.force_login(world.officer_a)
    own = client.get("/reports/").context["recently_accepted"]
    client.force_login(world.viewer)
    everyone = client.get("/reports/").context["recently_accepted"]

    assert {r.due_date.indicator.agency for r in own} == {world.agency_a}
    assert {r.due_date.indicator.agency for r in everyone} == {world.agency_a, world.agency_b}

"""Review web views: deciding, sending, bulk actions, editing opinions, stale edits, progress."""

import pytest
from django.contrib.messages import get_messages

from camket.frameworks.models import Recommendation
from camket.review import services
from camket.review.models import Assessment, Cluster

FORM = {
    "conforms_to_law": "yes",
    "conforms_to_policy": "partly",
    "resources_available": "no",
    "capacity_available": "unknown",
    "proposed_response": "supported",
    "comment": "edited",
}


def _assessment_a(world, name="sent_to_a"):
    recommendation = getattr(world, name)
    if name != "sent_to_a":
        services.send_for_review(world.coordinator, [recommendation], [world.agency_a])
    return Assessment.objects.get(recommendation=recommendation, agency=world.agency_a)


def _bring_to(world, assessment, state):
    if state != "requested":
        assessment.refresh_from_db()
        services.save_assessment(
            world.officer_a,
            assessment,
            {"comment": f"{state} comment", "proposed_response": "noted"},
            version=assessment.version,
            submit=state == "submitted",
        )
    assessment.refresh_from_db()
    assert assessment.state == state
    return assessment


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _login(client, world, persona):
    client.force_login(getattr(world, persona))


# --- decide and send ---------------------------------------------------------------------------

REFUSED = [
    ("officer_a", "published", 403),
    ("officer_a", "sent_to_a", 403),
    ("officer_a", "draft", 404),
    ("officer_b", "published", 403),
    ("officer_b", "sent_to_a", 404),
    ("viewer", "published", 403),
    ("viewer", "draft", 404),
    ("viewer", "sent_to_a", 404),
]


@pytest.mark.parametrize("name", ["published", "draft", "sent_to_a"])
def test_coordinator_records_a_decision(world, client, name):
    recommendation = getattr(world, name)
    _login(client, world, "coordinator")

    response = client.post(
        f"/recommendations/{recommendation.pk}/decide/",
        {
            "response": "noted",
            "reason": "not now",
            "decided_on": "2025-05-05",
            "version": recommendation.version,
        },
    )

    assert response.status_code == 302
    assert response.url == f"/recommendations/{recommendation.pk}/"
    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.decided_by) == ("noted", world.coordinator)


@pytest.mark.parametrize(("persona", "name", "expected"), REFUSED)
def test_non_coordinator_cannot_decide(world, client, persona, name, expected):
    recommendation = getattr(world, name)
    _login(client, world, persona)

    response = client.post(
        f"/recommendations/{recommendation.pk}/decide/",
        {"response": "noted", "reason": "", "version": recommendation.version},
    )

    assert response.status_code == expected
    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.version) == ("", 1)


def test_second_web_decision_on_the_same_version_is_refused_and_first_kept(world, client):
    _login(client, world, "coordinator")
    path = f"/recommendations/{world.published.pk}/decide/"
    version = world.published.version

    client.post(path, {"response": "supported", "reason": "first", "version": version})
    second = client.post(path, {"response": "noted", "reason": "second", "version": version})

    assert second.status_code == 302
    assert second.url == f"/recommendations/{world.published.pk}/"
    assert any("Someone else changed" in m for m in _messages(second))
    world.published.refresh_from_db()
    assert (world.published.response, world.published.response_reason) == ("supported", "first")


def test_coordinator_sends_for_review_and_agency_b_then_sees_it(world, client):
    _login(client, world, "coordinator")

    response = client.post(
        f"/recommendations/{world.sent_to_a.pk}/send/", {"agencies": [world.agency_b.pk]}
    )

    assert response.status_code == 302
    assert (
        Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_b).state
        == "requested"
    )
    _login(client, world, "officer_b")
    assert client.get(f"/recommendations/{world.sent_to_a.pk}/").status_code == 200


@pytest.mark.parametrize(("persona", "name", "expected"), REFUSED)
def test_non_coordinator_cannot_send_for_review(world, client, persona, name, expected):
    recommendation = getattr(world, name)
    _login(client, world, persona)

    response = client.post(
        f"/recommendations/{recommendation.pk}/send/", {"agencies": [world.agency_b.pk]}
    )

    assert response.status_code == expected
    assert not Assessment.objects.filter(agency=world.agency_b).exists()


# --- bulk actions ------------------------------------------------------------------------------

BULK = {
    "publish": ({"action": "publish"}, ["draft"]),
    "draft": ({"action": "draft"}, ["published"]),
    "archive": ({"action": "archive"}, ["published"]),
    "send": ({"action": "send", "agencies": "AGENCY_B"}, ["published", "sent_to_a"]),
    "cluster": ({"action": "cluster", "title": "Disability"}, ["published", "sent_to_a"]),
}


def _bulk_data(world, action):
    data, names = BULK[action]
    data = {k: (world.agency_b.pk if v == "AGENCY_B" else v) for k, v in data.items()}
    return {**data, "ids": [getattr(world, name).pk for name in names]}, names


@pytest.mark.parametrize("action", list(BULK))
def test_coordinator_applies_bulk_action(world, client, action):
    _login(client, world, "coordinator")
    data, names = _bulk_data(world, action)

    response = client.post("/recommendations/bulk/", data)

    assert response.status_code == 302
    chosen = Recommendation.objects.filter(pk__in=data["ids"])
    if action in ("publish", "draft", "archive"):
        expected = {"publish": "published", "draft": "draft", "archive": "archived"}[action]
        assert set(chosen.values_list("status", flat=True)) == {expected}
    elif action == "send":
        assert Assessment.objects.filter(agency=world.agency_b).count() == len(names)
    else:
        cluster = Cluster.objects.get()
        assert response.url == f"/clusters/{cluster.pk}/"
        assert set(chosen.values_list("cluster", flat=True)) == {cluster.pk}


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
@pytest.mark.parametrize("action", list(BULK))
def test_non_coordinator_cannot_apply_bulk_actions(world, client, persona, action):
    _login(client, world, persona)
    data, _ = _bulk_data(world, action)
    before = list(Recommendation.objects.order_by("pk").values_list("status", "cluster", "version"))

    response = client.post("/recommendations/bulk/", data)

    assert response.status_code == 403
    assert (
        list(Recommendation.objects.order_by("pk").values_list("status", "cluster", "version"))
        == before
    )
    assert not Assessment.objects.filter(agency=world.agency_b).exists()
    assert not Cluster.objects.exists()


def test_bulk_action_with_nothing_selected_does_not_redirect_off_site(world, client):
    _login(client, world, "coordinator")

    response = client.post(
        "/recommendations/bulk/", {"action": "publish", "next": "https://evil.example/phish"}
    )

    assert response.status_code == 302
    assert not response.url.startswith("https://evil.example")


def test_bulk_action_ignores_a_next_url_on_another_host(world, client):
    _login(client, world, "coordinator")

    response = client.post(
        "/recommendations/bulk/",
        {"action": "publish", "ids": [world.draft.pk], "next": "https://evil.example/"},
    )

    assert response.url == "/recommendations/"


# --- assessments -------------------------------------------------------------------------------


def test_officer_a_edits_saves_and_submits_own_assessment(world, client):
    assessment = _assessment_a(world)
    _login(client, world, "officer_a")
    page = client.get(f"/assessments/{assessment.pk}/")
    assert page.status_code == 200 and page.context["can_edit"]

    saved = client.post(f"/assessments/{assessment.pk}/", {**FORM, "version": 1})
    assessment.refresh_from_db()
    submitted = client.post(
        f"/assessments/{assessment.pk}/", {**FORM, "comment": "final", "version": 2, "submit": "1"}
    )

    assert saved.status_code == submitted.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.state, assessment.comment, assessment.conforms_to_law) == (
        "submitted",
        "final",
        "yes",
    )
    assert client.get(f"/assessments/{assessment.pk}/").context["can_edit"] is False


@pytest.mark.parametrize(
    ("persona", "state", "expected"),
    [
        ("officer_b", "requested", 404),
        ("officer_b", "draft", 404),
        ("officer_b", "submitted", 404),  # sent_to_a itself stays hidden from agency B
        ("viewer", "requested", 404),
        ("viewer", "submitted", 404),
        ("coordinator", "draft", 404),
        ("coordinator", "requested", 200),
        ("coordinator", "submitted", 200),
    ],
)
def test_who_may_open_agency_a_assessment_of_sent_to_a(world, client, persona, state, expected):
    assessment = _bring_to(world, _assessment_a(world), state)
    _login(client, world, persona)

    response = client.get(f"/assessments/{assessment.pk}/")

    assert response.status_code == expected
    if expected == 200:
        assert response.context["can_edit"] is False


def test_agency_b_officer_cannot_see_agency_a_draft_assessment(world, client):
    assessment = _bring_to(world, _assessment_a(world, "published"), "draft")
    _login(client, world, "officer_b")

    assert client.get(f"/assessments/{assessment.pk}/").status_code == 404
    assert (
        client.post(
            f"/assessments/{assessment.pk}/", {**FORM, "version": assessment.version}
        ).status_code
        == 404
    )
    assert (
        "draft comment"
        not in client.get(f"/recommendations/{world.published.pk}/").content.decode()
    )


@pytest.mark.parametrize("persona", ["officer_b", "viewer", "coordinator"])
def test_submitted_assessment_is_read_only_for_others(world, client, persona):
    assessment = _bring_to(world, _assessment_a(world, "published"), "submitted")
    _login(client, world, persona)

    page = client.get(f"/assessments/{assessment.pk}/")
    post = client.post(f"/assessments/{assessment.pk}/", {**FORM, "version": assessment.version})

    assert page.status_code == 200
    assert page.context["can_edit"] is False
    assert "submitted comment" in page.content.decode()
    assert post.status_code == 403
    assessment.refresh_from_db()
    assert (assessment.state, assessment.comment) == ("submitted", "submitted comment")


@pytest.mark.parametrize(
    ("persona", "state"),
    [("officer_a", "submitted"), ("coordinator", "requested"), ("coordinator", "submitted")],
)
def test_closed_or_foreign_assessment_cannot_be_changed(world, client, persona, state):
    assessment = _bring_to(world, _assessment_a(world), state)
    _login(client, world, persona)

    response = client.post(
        f"/assessments/{assessment.pk}/", {**FORM, "version": assessment.version, "submit": "1"}
    )

    assert response.status_code == 403
    assessment.refresh_from_db()
    assert assessment.comment == ("" if state == "requested" else f"{state} comment")


def test_second_save_on_the_same_version_is_refused_and_first_kept(world, client):
    assessment = _assessment_a(world)
    _login(client, world, "officer_a")
    path = f"/assessments/{assessment.pk}/"

    client.post(path, {**FORM, "comment": "first save", "version": 1})
    second = client.post(
        path,
        {
            **FORM,
            "comment": "second save",
            "proposed_response": "noted",
            "version": 1,
            "submit": "1",
        },
    )

    # The refused edit comes back as typed, now based on the stored version.
    assert second.status_code == 200
    assert "Someone else saved" in second.content.decode()
    assert second.context["form"]["comment"].value() == "second save"
    assert second.context["form"]["proposed_response"].value() == "noted"
    assert second.context["form"]["version"].value() == "2"
    assert second.context["assessment"].state == "draft"
    assessment.refresh_from_db()
    assert (assessment.state, assessment.comment, assessment.proposed_response) == (
        "draft",
        "first save",
        "supported",
    )


def test_withdrawing_a_request_is_for_the_coordinator_only(world, client):
    assessment = _assessment_a(world)
    _login(client, world, "officer_a")
    assert client.post(f"/assessments/{assessment.pk}/withdraw/").status_code == 403
    assessment.refresh_from_db()
    assert assessment.state == "requested"

    _login(client, world, "coordinator")
    client.post(f"/assessments/{assessment.pk}/withdraw/")

    assessment.refresh_from_db()
    assert assessment.state == "withdrawn"
    _login(client, world, "officer_a")
    assert client.get(f"/recommendations/{world.sent_to_a.pk}/").status_code == 404


# --- progress and clusters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("coordinator", 200), ("viewer", 200), ("officer_a", 302), ("officer_b", 302)],
)
def test_review_progress_page(world, client, persona, expected):
    _login(client, world, persona)

    response = client.get("/review/")

    assert response.status_code == expected
    if expected == 302:
        assert response.url == "/review/mine/"
    else:
        assert [row["agency"] for row in response.context["rows"]] == [world.agency_a]


@pytest.mark.parametrize(
    ("persona", "open_assessments"),
    [("officer_a", 1), ("officer_b", 0), ("viewer", 0), ("coordinator", 0)],
)
def test_my_assessments_lists_only_own_agency(world, client, persona, open_assessments):
    _login(client, world, persona)

    response = client.get("/review/mine/")

    assert response.status_code == 200
    assert len(response.context["assessments"]) == open_assessments


@pytest.mark.parametrize(
    ("persona", "expected", "members"),
    [
        ("coordinator", 200, {"draft", "sent_to_a"}),
        ("officer_a", 200, {"sent_to_a"}),
        ("officer_b", 404, set()),
        ("viewer", 404, set()),
    ],
)
def test_cluster_page_shows_only_visible_members(world, client, persona, expected, members):
    cluster = services.make_cluster(world.coordinator, [world.draft, world.sent_to_a], "Drafts")
    _login(client, world, persona)

    response = client.get(f"/clusters/{cluster.pk}/")

    assert response.status_code == expected
    if expected == 200:
        assert {r.pk for r in response.context["members"]} == {
            getattr(world, name).pk for name in members
        }


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("officer_a", 403), ("officer_b", 404), ("viewer", 404), ("coordinator", 302)],
)
def test_only_the_coordinator_removes_a_recommendation_from_a_cluster(
    world, client, persona, expected
):
    cluster = services.make_cluster(world.coordinator, [world.draft, world.sent_to_a], "Drafts")
    _login(client, world, persona)

    response = client.post(f"/recommendations/{world.sent_to_a.pk}/uncluster/")

    assert response.status_code == expected
    world.sent_to_a.refresh_from_db()
    assert world.sent_to_a.cluster_id == (None if expected == 302 else cluster.pk)

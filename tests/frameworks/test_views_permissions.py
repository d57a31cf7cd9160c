"""Web pages: anonymous visitors go to the login page; each persona sees only its scope."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from camket.frameworks.models import Recommendation
from camket.review import services
from camket.review.models import Assessment

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer", "mps_coordinator"]
VISIBLE = {
    "coordinator": {"published", "draft", "sent_to_a"},
    "officer_a": {"published", "sent_to_a"},
    "officer_b": {"published"},
    "viewer": {"published"},
    # coordinates frameworks of agency A, not this UPR cycle: reads it as a viewer
    "mps_coordinator": {"published"},
}
LOGIN = "/accounts/login/"


def _assessment_a(world):
    return Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_a)


def _save_as_officer_a(world, assessment, comment, *, submit=False):
    assessment.refresh_from_db()
    services.save_assessment(
        world.officer_a,
        assessment,
        {"comment": comment, "proposed_response": "supported"},
        version=assessment.version,
        submit=submit,
    )


def _history_section(response) -> str:
    page = response.content.decode()
    return page[page.index('id="history-title"') :]


def _listed(response) -> set[int]:
    return {rec.pk for rec in response.context["page"].object_list}


# --- anonymous ---------------------------------------------------------------------------------

# (method, path template); {published}, {sent}, {assessment} are filled in.
WEB_PAGES = [
    ("get", "/recommendations/"),
    ("get", "/recommendations/?q=dam"),
    ("get", "/recommendations/{published}/"),
    ("get", "/recommendations/{sent}/"),
    ("post", "/recommendations/{published}/decide/"),
    ("get", "/recommendations/{published}/decide/"),
    ("post", "/recommendations/{sent}/send/"),
    ("post", "/recommendations/bulk/"),
    ("post", "/recommendations/{published}/uncluster/"),
    ("get", "/review/"),
    ("get", "/review/mine/"),
    ("get", "/assessments/{assessment}/"),
    ("post", "/assessments/{assessment}/"),
    ("post", "/assessments/{assessment}/withdraw/"),
    ("get", "/clusters/1/"),
    ("get", "/imports/"),
    ("post", "/imports/"),
]


@pytest.mark.parametrize(("method", "template"), WEB_PAGES)
def test_anonymous_visitor_is_sent_to_the_login_page(world, client, method, template):
    path = template.format(
        published=world.published.pk, sent=world.sent_to_a.pk, assessment=_assessment_a(world).pk
    )

    response = getattr(client, method)(path, {})

    assert response.status_code == 302
    assert response.url.startswith(f"{LOGIN}?next=")


def test_anonymous_home_page_ends_at_the_login_page(world, client):
    response = client.get("/", follow=True)

    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert response.status_code == 200


def test_anonymous_visit_changes_nothing(world, client):
    client.post(
        f"/recommendations/{world.published.pk}/decide/", {"response": "noted", "version": 1}
    )
    client.post("/recommendations/bulk/", {"action": "publish", "ids": [world.draft.pk]})

    assert Recommendation.objects.get(pk=world.published.pk).response == ""
    assert Recommendation.objects.get(pk=world.draft.pk).status == "draft"


# --- list, search and detail -------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_recommendation_list_shows_exactly_the_persona_scope(world, client, persona):
    client.force_login(getattr(world, persona))

    response = client.get("/recommendations/")

    assert response.status_code == 200
    assert _listed(response) == {getattr(world, name).pk for name in VISIBLE[persona]}


@pytest.mark.parametrize(
    ("persona", "query", "expected"),
    [
        ("coordinator", "dam", {"sent_to_a"}),
        ("officer_a", "dam", {"sent_to_a"}),
        ("officer_b", "dam", set()),
        ("viewer", "dam", set()),
        ("officer_b", "mua ban", {"published"}),
        ("viewer", "institution", set()),
    ],
)
def test_web_search_respects_scope_and_ignores_diacritics(world, client, persona, query, expected):
    client.force_login(getattr(world, persona))

    response = client.get("/recommendations/", {"q": query})

    assert _listed(response) == {getattr(world, name).pk for name in expected}


@pytest.mark.parametrize("persona", ["officer_b", "viewer"])
def test_status_filter_in_web_list_cannot_reveal_drafts(world, client, persona):
    client.force_login(getattr(world, persona))

    response = client.get("/recommendations/", {"status": "draft"})

    assert _listed(response) == set()
    assert "Đảm bảo" not in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["published", "draft", "sent_to_a"])
def test_recommendation_page_is_404_unless_visible(world, client, persona, name):
    client.force_login(getattr(world, persona))

    response = client.get(f"/recommendations/{getattr(world, name).pk}/")

    assert response.status_code == (200 if name in VISIBLE[persona] else 404)


@pytest.mark.parametrize(
    ("persona", "shows_forms"),
    [("coordinator", True), ("officer_a", False), ("viewer", False), ("mps_coordinator", False)],
)
def test_only_the_coordinator_sees_decision_and_send_forms(world, client, persona, shows_forms):
    client.force_login(getattr(world, persona))

    page = client.get(f"/recommendations/{world.published.pk}/").content.decode()

    assert (f"/recommendations/{world.published.pk}/decide/" in page) is shows_forms
    assert (f"/recommendations/{world.published.pk}/send/" in page) is shows_forms


@pytest.mark.parametrize(
    ("state", "coordinator_opens"), [("requested", True), ("draft", False), ("submitted", True)]
)
def test_coordinator_sees_requested_and_submitted_but_not_draft_opinions_on_the_page(
    world, client, state, coordinator_opens
):
    assessment = _assessment_a(world)
    if state != "requested":
        _save_as_officer_a(world, assessment, "A-SECRET-NOTE", submit=state == "submitted")
    client.force_login(world.coordinator)

    page = client.get(f"/recommendations/{world.sent_to_a.pk}/").content.decode()

    # A draft's request stays listed ("in progress"), but its page does not open.
    assert (f'href="/assessments/{assessment.pk}/"' in page) is coordinator_opens
    assert world.agency_a.name in page
    assert ("A-SECRET-NOTE" in page) is (state == "submitted")


def test_officer_a_sees_own_draft_on_the_recommendation_page(world, client):
    assessment = _assessment_a(world)
    _save_as_officer_a(world, assessment, "A-SECRET-NOTE")
    client.force_login(world.officer_a)

    page = client.get(f"/recommendations/{world.sent_to_a.pk}/").content.decode()

    assert f"/assessments/{assessment.pk}/" in page
    assert "A-SECRET-NOTE" in page


@pytest.mark.parametrize("persona", ["officer_b", "viewer", "coordinator"])
def test_agency_a_draft_on_published_recommendation_is_hidden_from_others(world, client, persona):
    services.send_for_review(world.coordinator, [world.published], [world.agency_a])
    assessment = Assessment.objects.get(recommendation=world.published, agency=world.agency_a)
    _save_as_officer_a(world, assessment, "A-SECRET-NOTE")
    client.force_login(getattr(world, persona))

    page = client.get(f"/recommendations/{world.published.pk}/").content.decode()

    assert "A-SECRET-NOTE" not in page
    assert f'href="/assessments/{assessment.pk}/"' not in page


# --- history -----------------------------------------------------------------------------------


def _decide_on_web(client, world, response="supported_in_part"):
    client.force_login(world.coordinator)
    client.post(
        f"/recommendations/{world.published.pk}/decide/",
        {
            "response": response,
            "reason": "partly in law",
            "decided_on": "2025-05-05",
            "version": world.published.version,
        },
    )
    return client.get(f"/recommendations/{world.published.pk}/")


def test_history_names_the_coordinator_after_a_web_decision(world, client):
    history = _history_section(_decide_on_web(client, world))

    assert " · Coordinator · recommendation changed" in history  # the user's display name
    assert "partly in law" in history


def test_history_shows_the_response_label_after_a_web_decision(world, client):
    history = _history_section(_decide_on_web(client, world))

    assert "Supported in part" in history
    assert "supported_in_part" not in history


def test_history_shows_who_decided_by_name_not_by_id(world, client):
    history = _history_section(_decide_on_web(client, world))

    assert f"→ {world.coordinator.pk}<" not in history
    assert "decided by: — → Coordinator" in history


# --- imports (web) -----------------------------------------------------------------------------


def _csv():
    return SimpleUploadedFile(
        "new.csv", b"reference,text\nZ1,Ensure access.\n", content_type="text/csv"
    )


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_the_coordinator_can_open_the_import_page(world, client, persona, method):
    client.force_login(getattr(world, persona))

    data = {"file": _csv(), "framework": "upr-vn-4"} if method == "post" else {}
    response = getattr(client, method)("/imports/", data)

    assert response.status_code == 403
    assert not Recommendation.objects.filter(reference="Z1").exists()


def test_coordinator_previews_then_confirms_an_import(world, client):
    client.force_login(world.coordinator)
    assert client.get("/imports/").status_code == 200

    preview = client.post("/imports/", {"file": _csv(), "framework": "upr-vn-4"})

    assert preview.status_code == 200
    assert preview.context["preview"].ok
    assert not Recommendation.objects.filter(reference="Z1").exists()
    token = client.session["camket_pending_import"]["token"]
    confirmed = client.post("/imports/", {"confirm": "1", "token": token})
    assert confirmed.status_code == 302
    assert Recommendation.objects.filter(reference="Z1", status="draft").exists()

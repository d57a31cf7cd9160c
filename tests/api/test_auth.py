"""Who the API lets in at all: anonymous callers, bad tokens, revoked tokens, sessions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from camket.accounts.models import ApiToken
from camket.frameworks.models import Recommendation
from camket.review.models import Assessment, Cluster

# (method, path template, JSON body); {published}, {draft}, {sent}, {assessment} are filled in.
ENDPOINTS = [
    ("get", "/frameworks", None),
    ("get", "/recommendations", None),
    ("get", "/recommendations?q=dam", None),
    ("get", "/recommendations/{published}", None),
    ("get", "/recommendations/{published}/history", None),
    (
        "post",
        "/recommendations/{published}/decision",
        {"response": "noted", "reason": "", "version": 1},
    ),
    ("post", "/recommendations/{sent}/review-requests", {"agencies": ["moj"]}),
    ("get", "/review/assessments", None),
    ("get", "/review/assessments/{assessment}", None),
    (
        "put",
        "/review/assessments/{assessment}",
        {"version": 1, "comment": "anonymous", "proposed_response": "noted", "submit": True},
    ),
    ("get", "/review/progress", None),
    ("post", "/review/clusters", {"title": "T", "recommendation_ids": ["{published}", "{draft}"]}),
    ("upload", "/imports", None),
]


def _fill(world, assessment, template: str) -> str:
    return template.format(
        published=world.published.pk,
        draft=world.draft.pk,
        sent=world.sent_to_a.pk,
        assessment=assessment.pk,
    )


def _call(api, world, assessment, method, template, body):
    path = _fill(world, assessment, template)
    if method == "upload":
        csv = SimpleUploadedFile(
            "new.csv", b"reference,text\nZ9,Ensure something.\n", content_type="text/csv"
        )
        return api.upload(path, {"file": csv}, "?framework=upr-vn-4")
    if body is not None:
        body = {
            key: (
                [int(_fill(world, assessment, v)) for v in value]
                if isinstance(value, list) and key == "recommendation_ids"
                else value
            )
            for key, value in body.items()
        }
        return getattr(api, method)(path, body)
    return api.get(path)


def _snapshot():
    return (
        list(
            Recommendation.objects.order_by("pk").values_list(
                "pk", "status", "response", "version", "cluster_id"
            )
        ),
        list(Assessment.objects.order_by("pk").values_list("pk", "state", "comment", "version")),
        Cluster.objects.count(),
        Recommendation.objects.count(),
    )


@pytest.mark.parametrize(
    ("method", "template", "body"), ENDPOINTS, ids=[f"{m} {t}" for m, t, _ in ENDPOINTS]
)
def test_anonymous_caller_gets_401_from_every_api_endpoint_and_changes_nothing(
    world, api_as, assessment_a, method, template, body
):
    before = _snapshot()

    response = _call(api_as("anonymous"), world, assessment_a, method, template, body)

    assert response.status_code == 401, response.content
    assert _snapshot() == before


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ck_not-a-real-token",
        "Bearer ",
        "Token whatever",
        "Basic Y29vcmRpbmF0b3I6Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZQ==",
    ],
)
def test_unknown_or_malformed_credentials_get_401(world, client, header):
    response = client.get("/api/recommendations", headers={"Authorization": header})

    assert response.status_code == 401


def test_revoked_token_gets_401(world, client):
    token, secret = ApiToken.issue(world.coordinator, "old laptop")
    token.revoked = True
    token.save()

    response = client.get("/api/recommendations", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401


def test_token_of_deactivated_user_gets_401(world, client):
    _, secret = ApiToken.issue(world.officer_a, "script")
    world.officer_a.is_active = False
    world.officer_a.save()

    response = client.get("/api/recommendations", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401


def test_valid_token_acts_as_its_user_and_records_last_use(world, client):
    token, secret = ApiToken.issue(world.viewer, "dashboard")

    response = client.get("/api/recommendations", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 200
    assert {r["id"] for r in response.json()["items"]} == {world.published.pk}
    token.refresh_from_db()
    assert token.last_used is not None


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator", {"published", "draft", "sent_to_a"}),
        ("officer_a", {"published", "sent_to_a"}),
        ("officer_b", {"published"}),
        ("viewer", {"published"}),
    ],
)
def test_session_login_is_scoped_like_a_token(world, client, persona, expected):
    client.force_login(getattr(world, persona))

    response = client.get("/api/recommendations")

    assert response.status_code == 200
    assert {r["id"] for r in response.json()["items"]} == {
        getattr(world, name).pk for name in expected
    }


def test_user_without_membership_cannot_list_frameworks(world, client, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="x")
    _, secret = ApiToken.issue(stranger, "no role")

    response = client.get("/api/frameworks", headers={"Authorization": f"Bearer {secret}"})
    listing = client.get("/api/recommendations", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 403
    assert listing.status_code == 200
    assert listing.json()["items"] == []

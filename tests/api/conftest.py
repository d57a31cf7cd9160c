"""Helpers for the API permission tests: one bearer-token client per persona."""

import pytest

from camket.accounts.models import ApiToken
from camket.review import services
from camket.review.models import Assessment

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer"]


class ApiClient:
    """django.test.Client speaking to /api with a persona's bearer token (none if anonymous)."""

    def __init__(self, client, user):
        self.client = client
        self.headers = {}
        if user is not None and user.is_authenticated:
            _, secret = ApiToken.issue(user, "permission tests")
            self.headers = {"Authorization": f"Bearer {secret}"}

    def get(self, path, params=None):
        return self.client.get("/api" + path, params or {}, headers=self.headers)

    def post(self, path, payload=None):
        return self.client.post(
            "/api" + path, payload or {}, content_type="application/json", headers=self.headers
        )

    def put(self, path, payload):
        return self.client.put(
            "/api" + path, payload, content_type="application/json", headers=self.headers
        )

    def upload(self, path, files, query=""):
        return self.client.post(f"/api{path}{query}", files, headers=self.headers)


@pytest.fixture
def api_as(world, client):
    """api_as("officer_a") -> an ApiClient acting as that persona."""
    return lambda persona: ApiClient(client, getattr(world, persona))


@pytest.fixture
def assessment_a(world):
    """Agency A's assessment of `sent_to_a` (state "requested")."""
    return Assessment.objects.get(recommendation=world.sent_to_a, agency=world.agency_a)


@pytest.fixture
def published_sent_to_a(world):
    """Agency A's assessment of the *published* recommendation (which officer B can see)."""
    services.send_for_review(world.coordinator, [world.published], [world.agency_a])
    return Assessment.objects.get(recommendation=world.published, agency=world.agency_a)

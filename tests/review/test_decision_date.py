"""A decision is recorded once made: a decision date in the future is refused
(issue 9, item 12)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from camket.review.services import decide
from tests.api.conftest import ApiClient

FUTURE = "The decision date cannot be in the future."


def _tomorrow():
    return timezone.localdate() + timedelta(days=1)


def test_the_service_refuses_a_future_date_and_accepts_today(world):
    recommendation = world.published
    with pytest.raises(ValidationError) as refused:
        decide(
            world.coordinator,
            recommendation,
            response="supported",
            reason="",
            decided_on=_tomorrow(),
            version=recommendation.version,
        )
    assert refused.value.message_dict["decided_on"] == [FUTURE]
    recommendation.refresh_from_db()
    assert recommendation.response == "" and recommendation.decided_on is None
    decide(
        world.coordinator,
        recommendation,
        response="supported",
        reason="",
        decided_on=timezone.localdate(),
        version=recommendation.version,
    )
    recommendation.refresh_from_db()
    assert recommendation.decided_on == timezone.localdate()


def test_the_decision_form_refuses_it_with_a_message(world, client):
    recommendation = world.published
    client.force_login(world.coordinator)
    response = client.post(
        f"/recommendations/{recommendation.pk}/decide/",
        {
            "response": "noted",
            "reason": "",
            "decided_on": _tomorrow().isoformat(),
            "version": recommendation.version,
        },
        follow=True,
    )
    assert FUTURE in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.response == ""


def test_the_api_refuses_it_with_422(world, client):
    recommendation = world.published
    response = ApiClient(client, world.coordinator).post(
        f"/recommendations/{recommendation.pk}/decision",
        {
            "response": "noted",
            "decided_on": _tomorrow().isoformat(),
            "version": recommendation.version,
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"]["decided_on"] == [FUTURE]
    recommendation.refresh_from_db()
    assert recommendation.response == ""

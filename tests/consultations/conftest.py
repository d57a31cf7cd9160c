import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from camket.consultations import guard, services

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer", "mps_coordinator"]
NOT_COORDINATING = ["officer_a", "officer_b", "viewer", "mps_coordinator"]


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation(world):
    """An open consultation on the UPR framework's draft positions (the framework is not on the
    portal): the published item and the draft 1.2 are shown; the draft 1.3 (sent to agency A
    for an opinion) is not."""
    now = timezone.now()
    return services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "Draft positions on UPR cycle 4",
            "description": "Which recommendations should Viet Nam support?",
            "draft_text": "The ministry proposes to support 1.1 and to study 1.2.",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=14),
        },
        items=[world.published, world.draft],
    )


def form_data(consultation, **values) -> dict:
    """What a person sends from the consultation page, 10 seconds after it was shown."""
    return {
        "token": guard.issue_token(consultation.pk, now=time.time() - 10),
        "item": "",
        "text": "Please support recommendation 1.2.",
        "name": "",
        "organisation": "",
        "website": "",
        **values,
    }


def close(consultation) -> None:
    consultation.__class__.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    consultation.refresh_from_db()

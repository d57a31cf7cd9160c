"""A session unused for CAMKET_SESSION_IDLE_MINUTES is signed out; a used one stays."""

import time

import pytest

from camket.health.idle_sessions import LAST_SEEN_KEY

pytestmark = pytest.mark.django_db


def _signed_in(client, world, idle_seconds: int):
    client.force_login(world.coordinator)
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - idle_seconds
    session.save()


def test_a_session_idle_longer_than_the_limit_is_signed_out(client, world, settings):
    settings.SESSION_COOKIE_AGE = 60 * 60
    _signed_in(client, world, idle_seconds=60 * 60 + 5)
    response = client.get("/recommendations/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_active_session_stays_and_its_expiry_moves_forward(client, world, settings):
    settings.SESSION_COOKIE_AGE = 60 * 60
    _signed_in(client, world, idle_seconds=59 * 60)
    assert client.get("/recommendations/").status_code == 200
    assert time.time() - client.session[LAST_SEEN_KEY] < 5
    assert client.session.get_expiry_age() > 59 * 60
    assert client.get("/recommendations/").status_code == 200

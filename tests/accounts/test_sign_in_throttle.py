"""Sign-in throttling (django-axes): per account and address, on the site and admin logins."""

import pytest
from django.test import Client

from camket.accounts.models import ApiToken
from tests.personas import PASSWORD

WRONG = "not-the-password"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5


def sign_in(client, username, password, *, url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password})


def signed_in_as(client) -> str | None:
    from django.contrib.auth import get_user

    user = get_user(client)
    return user.username if user.is_authenticated else None


def fail_many(client, username, times=50, **kwargs):
    for _ in range(times):
        response = sign_in(client, username, WRONG, **kwargs)
        assert signed_in_as(client) is None
    return response


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_fifty_wrong_passwords_then_the_right_one_is_refused_with_a_message(world, lang):
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    first = sign_in(client, world.coordinator.username, WRONG)
    assert first.status_code == 200  # an ordinary wrong password: the form again

    last_wrong = fail_many(client, world.coordinator.username, times=49)
    assert last_wrong.status_code == 429
    response = sign_in(client, world.coordinator.username, PASSWORD)

    assert response.status_code == 429 and signed_in_as(client) is None
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    if lang == "en":
        assert "Too many wrong passwords" in page and "Try again in 15 minutes" in page


def test_the_limit_comes_from_the_settings(world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    fail_many(client, world.viewer.username, times=2)
    assert sign_in(client, world.viewer.username, PASSWORD).status_code == 302  # 2 < 3
    client.logout()
    fail_many(client, world.viewer.username, times=3)
    assert sign_in(client, world.viewer.username, PASSWORD).status_code == 429


def test_a_success_before_the_limit_starts_the_count_again(world):
    client = Client()
    fail_many(client, world.viewer.username, times=4)
    assert sign_in(client, world.viewer.username, PASSWORD).status_code == 302
    client.logout()
    fail_many(client, world.viewer.username, times=4)
    assert sign_in(client, world.viewer.username, PASSWORD).status_code == 302


def test_other_accounts_from_the_same_address_and_the_account_elsewhere_still_sign_in(world):
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    fail_many(attacker, world.coordinator.username)

    colleague = Client(REMOTE_ADDR="10.0.0.66")  # same office address, another account
    assert sign_in(colleague, world.viewer.username, PASSWORD).status_code == 302
    assert signed_in_as(colleague) == world.viewer.username

    owner = Client(REMOTE_ADDR="10.0.0.7")  # the account's owner at their own desk
    assert sign_in(owner, world.coordinator.username, PASSWORD).status_code == 302
    assert signed_in_as(owner) == world.coordinator.username


def test_after_the_cooloff_the_right_password_works_again(world, settings):
    from axes.models import AccessAttempt
    from django.utils import timezone

    client = Client()
    fail_many(client, world.viewer.username, times=6)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME * 2)
    assert sign_in(client, world.viewer.username, PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(world, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    fail_many(client, "root", times=10, url="/admin/login/")
    response = sign_in(client, "root", PASSWORD, url="/admin/login/")
    assert response.status_code == 429 and signed_in_as(client) is None
    assert "Too many wrong passwords" in response.content.decode()


def test_api_tokens_and_existing_sessions_are_unaffected(world, client):
    attacker = Client()
    fail_many(attacker, world.viewer.username)
    _token, secret = ApiToken.issue(world.viewer, "script")
    response = client.get("/api/recommendations", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200

    client.force_login(world.viewer)
    assert client.get("/recommendations/").status_code == 200

"""API tokens in the web UI: issued (the secret shown once), used on the API, revoked."""

import re

import pytest

from camket.accounts.models import AccountEvent, ApiToken


def issue(client, url="/manage/tokens/", name="my script"):
    response = client.post(url, {"name": name})
    match = re.search(r'id="token-secret">([^<]+)<', response.content.decode())
    return response, match.group(1) if match else None


def api_status(client, secret) -> int:
    return client.get("/api/frameworks", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code


def test_issue_use_then_revoke_a_token(client, world):
    client.force_login(world.officer_a)
    response, secret = issue(client)
    assert secret and response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=world.officer_a)
    assert token.digest != secret and secret.startswith(token.prefix)
    page = client.get("/manage/tokens/").content.decode()
    assert secret not in page and f"{token.prefix}…" in page and "my script" in page
    client.logout()
    assert api_status(client, secret) == 200
    client.force_login(world.officer_a)
    client.post(f"/manage/tokens/{token.pk}/revoke/")
    client.logout()
    assert api_status(client, secret) == 401
    kinds = list(AccountEvent.objects.filter(user=world.officer_a).values_list("kind", flat=True))
    assert kinds == ["token_revoked", "token_issued"]


def test_a_token_needs_a_name(client, world):
    client.force_login(world.viewer)
    response, secret = issue(client, name="  ")
    assert secret is None and "name" in response.context["form"].errors
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("persona", ["coordinator", "officer_b", "viewer"])
def test_only_administrators_manage_other_peoples_tokens(client, world, persona):
    token, _secret = ApiToken.issue(world.officer_a, "theirs")
    client.force_login(getattr(world, persona))
    assert client.get(f"/manage/users/{world.officer_a.pk}/tokens/").status_code == 403
    assert client.post(f"/manage/tokens/{token.pk}/revoke/").status_code == 403
    token.refresh_from_db()
    assert not token.revoked


def test_an_administrator_issues_and_revokes_for_someone_else(client, world, superuser):
    client.force_login(superuser)
    _response, secret = issue(client, f"/manage/users/{world.officer_a.pk}/tokens/", "sync")
    token = ApiToken.objects.get(name="sync")
    assert token.user == world.officer_a and api_status(client, secret) == 200
    response = client.post(f"/manage/tokens/{token.pk}/revoke/")
    assert response.url == f"/manage/users/{world.officer_a.pk}/tokens/"
    token.refresh_from_db()
    assert token.revoked


def test_a_deactivated_account_cannot_use_its_token(client, world):
    _token, secret = ApiToken.issue(world.viewer, "x")
    world.viewer.is_active = False
    world.viewer.save()
    assert api_status(client, secret) == 401

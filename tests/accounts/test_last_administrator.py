"""The last active administrator stays; a reset password revokes the person's API tokens and,
while the temporary password is in force, their session may not use the API."""

import pytest
from django.core.exceptions import ValidationError

from camket.accounts import people
from camket.accounts.models import ApiToken
from camket.accounts.tokens import issue_token
from tests.personas import make_user


@pytest.fixture
def admin(world):
    return make_user("admin", "admin", None)


def _edit(user, **changes):
    values = {"role": user.membership.role, **changes}
    return people.update_user(user, user, values, version=people.account_version(user))


def test_the_last_administrator_cannot_demote_himself(admin):
    with pytest.raises(ValidationError, match="last active administrator"):
        _edit(admin, role="coordinator")
    admin.refresh_from_db()
    assert admin.membership.role == "admin"


def test_an_administrator_may_step_down_when_another_remains(admin, world):
    make_user("admin2", "admin", None)
    _edit(admin, role="coordinator")
    admin.membership.refresh_from_db()
    assert admin.membership.role == "coordinator"


def test_a_superuser_counts_as_an_administrator(admin, django_user_model):
    django_user_model.objects.create_superuser(username="root", password="x-long-passphrase-1")
    _edit(admin, role="viewer")
    admin.membership.refresh_from_db()
    assert admin.membership.role == "viewer"


def test_the_last_administrator_cannot_be_deactivated(admin, django_user_model):
    other = make_user("admin2", "admin", None)
    people.set_active(admin, other, False, version=people.account_version(other))
    with pytest.raises(ValidationError, match="last active administrator"):
        people.set_active(None, admin, False, version=people.account_version(admin))
    admin.refresh_from_db()
    assert admin.is_active


def test_the_last_superuser_cannot_drop_superuser(django_user_model, world):
    root = django_user_model.objects.create_superuser(
        username="root", password="x-long-passphrase-1"
    )
    with pytest.raises(ValidationError, match="last active administrator"):
        people.update_user(
            root, root, {"is_superuser": False}, version=people.account_version(root)
        )
    root.refresh_from_db()
    assert root.is_superuser


def test_the_page_says_why_the_change_is_refused(admin, client):
    client.force_login(admin)
    response = client.post(
        f"/manage/users/{admin.pk}/active/",
        {"active": "0", "version": people.account_version(admin)},
    )
    admin.refresh_from_db()
    assert admin.is_active
    # Own account: refused by the older rule first; the message is shown, nothing changes.
    assert response.status_code in (200, 302)


def test_changes_that_leave_an_administrator_are_not_refused(admin, world):
    """No administrator at all before (a coordinator manages accounts): nothing is blocked."""
    viewer = world.viewer
    people.update_user(
        world.coordinator,
        viewer,
        {"role": "focal_point", "agency": world.agency_a},
        version=people.account_version(viewer),
    )
    viewer.membership.refresh_from_db()
    assert viewer.membership.role == "focal_point"


def test_resetting_a_password_revokes_the_api_tokens(client, world):
    _token, secret = issue_token(world.officer_a, world.officer_a, "spreadsheet")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/recommendations", headers=headers).status_code == 200
    client.force_login(world.coordinator)
    confirm = client.get(f"/manage/users/{world.officer_a.pk}/password/").content.decode()
    assert "API tokens are revoked" in confirm
    client.post(f"/manage/users/{world.officer_a.pk}/password/")
    assert not ApiToken.objects.filter(user=world.officer_a, revoked=False).exists()
    client.logout()
    assert client.get("/api/recommendations", headers=headers).status_code == 401


def test_a_temporary_password_keeps_the_session_off_the_api(client, world):
    people.reset_password(world.coordinator, world.officer_a)
    world.officer_a.refresh_from_db()  # the new password's hash, which the session holds
    client.force_login(world.officer_a)
    response = client.get("/api/recommendations")
    assert response.status_code == 403 and "temporary" in response.json()["detail"]
    assert client.get("/recommendations/").status_code == 302
    # A token issued after the reset works on its own, session or not.
    client.logout()
    _token, secret = issue_token(world.officer_a, world.officer_a, "after the reset")
    assert (
        client.get(
            "/api/recommendations", headers={"Authorization": f"Bearer {secret}"}
        ).status_code
        == 200
    )


def test_once_the_password_is_their_own_the_session_uses_the_api(client, world):
    client.force_login(world.officer_a)
    assert client.get("/api/recommendations").status_code == 200

"""Accounts in the web UI: create with a temporary password, edit memberships, reset a
password, deactivate; a coordinator cannot make or change administrators."""

import re

import pytest
from django.contrib.auth import get_user_model

from camket.accounts import people
from camket.accounts.models import AccountEvent, Membership
from tests.personas import PASSWORD

NEW_PASSWORD = "my-own-long-passphrase-77"


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.coordinator)
    return client


def signs_in(client, username: str, password: str) -> bool:
    client.logout()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def shown_password(response) -> str:
    return re.search(r'id="temporary-password">([^<]+)<', response.content.decode()).group(1)


def account(world, **changes):
    values = {
        "username": "viewer",
        "first_name": "Viewer",
        "last_name": "",
        "email": "",
        "role": "viewer",
        "agency": "",
        "version": people.account_version(world.viewer),
    }
    return {**values, **changes}


def test_a_new_account_gets_a_temporary_password_to_change_first(coordinator, client, world):
    response = coordinator.post(
        "/manage/users/new/",
        {
            "username": "lan",
            "first_name": "Lan",
            "last_name": "Nguyễn",
            "email": "lan@example.org",
            "role": "focal_point",
            "agency": world.agency_b.pk,
        },
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    password = shown_password(response)
    lan = get_user_model().objects.get(username="lan")
    assert lan.membership.role == "focal_point" and lan.membership.agency == world.agency_b
    assert lan.check_password(password) and people.must_change_password(lan)
    event = AccountEvent.objects.get(user=lan)
    assert event.kind == "created" and event.actor == world.coordinator
    assert password not in str(event.changes)
    assert signs_in(client, "lan", password)
    sent = client.get("/recommendations/")
    assert sent.status_code == 302 and sent.url == "/accounts/password/?temporary=1"
    client.post(
        "/accounts/password/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert client.get("/recommendations/").status_code == 200


def test_form_errors_show_on_their_field(coordinator, world):
    response = coordinator.post(
        "/manage/users/new/", {"username": "hoa", "role": "viewer", "email": "not-an-address"}
    )
    assert response.status_code == 200 and set(response.context["form"].errors) == {"email"}
    response = coordinator.post("/manage/users/new/", {"username": "Officer_A", "role": "viewer"})
    assert set(response.context["form"].errors) == {"username"}
    response = coordinator.post("/manage/users/new/", {"username": "hoa", "role": "focal_point"})
    assert set(response.context["form"].errors) == {"agency"}
    assert 'class="errors"' in response.content.decode()
    assert not get_user_model().objects.filter(username="hoa").exists()


def test_reset_password_replaces_the_old_one(coordinator, client, world):
    confirm = coordinator.get(f"/manage/users/{world.officer_a.pk}/password/")
    assert "Reset the password of officer_a?" in confirm.content.decode()
    world.officer_a.refresh_from_db()
    assert world.officer_a.check_password(PASSWORD)  # a GET changes nothing
    response = coordinator.post(f"/manage/users/{world.officer_a.pk}/password/")
    password = shown_password(response)
    world.officer_a.refresh_from_db()
    assert not world.officer_a.check_password(PASSWORD)
    assert world.officer_a.check_password(password)
    assert not signs_in(client, "officer_a", PASSWORD)
    assert signs_in(client, "officer_a", password)
    assert AccountEvent.objects.filter(user=world.officer_a, kind="password_reset").exists()


def test_a_deactivated_account_cannot_sign_in_and_comes_back(coordinator, client, world):
    url = f"/manage/users/{world.viewer.pk}/active/"
    assert "Deactivate viewer?" in coordinator.get(url).content.decode()
    coordinator.post(url, {"active": "0", "version": people.account_version(world.viewer)})
    world.viewer.refresh_from_db()
    assert not world.viewer.is_active
    listed = coordinator.get("/manage/users/").content.decode()
    assert ">viewer<" not in listed
    assert ">viewer<" in coordinator.get("/manage/users/?active=no").content.decode()
    coordinator.post(url, {"active": "1", "version": people.account_version(world.viewer)})
    world.viewer.refresh_from_db()
    assert world.viewer.is_active
    assert signs_in(client, "viewer", PASSWORD)


def test_signing_in_is_refused_once_deactivated(client, world):
    people.set_active(world.coordinator, world.viewer, False)
    assert not signs_in(client, "viewer", PASSWORD)


def test_no_one_deactivates_themselves(coordinator, world):
    coordinator.post(f"/manage/users/{world.coordinator.pk}/active/", {"active": "0"})
    world.coordinator.refresh_from_db()
    assert world.coordinator.is_active


def test_changing_a_role_and_agency_is_recorded(coordinator, world):
    response = coordinator.post(
        f"/manage/users/{world.viewer.pk}/edit/",
        account(world, role="focal_point", agency=world.agency_a.pk),
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=world.viewer)
    assert (membership.role, membership.agency) == ("focal_point", world.agency_a)
    page = coordinator.get(f"/manage/users/{world.viewer.pk}/").content.decode()
    assert "Viewer → Agency focal point" in page and "Bộ Công an (mps)" in page
    assert membership.history.first().history_user == world.coordinator


def test_two_edits_of_one_account_do_not_overwrite_each_other(coordinator, world):
    stale = account(world, first_name="First")
    assert coordinator.post(f"/manage/users/{world.viewer.pk}/edit/", stale).status_code == 302
    response = coordinator.post(
        f"/manage/users/{world.viewer.pk}/edit/", {**stale, "first_name": "Second"}
    )
    assert response.status_code == 200 and "Someone else saved" in response.content.decode()
    world.viewer.refresh_from_db()
    assert world.viewer.first_name == "First"


def test_a_coordinator_cannot_make_an_administrator(coordinator, world):
    form = coordinator.get("/manage/users/new/").content.decode()
    assert 'name="is_superuser"' not in form and 'value="admin"' not in form
    coordinator.post(
        f"/manage/users/{world.viewer.pk}/edit/", account(world, role="admin", is_superuser="on")
    )
    world.viewer.refresh_from_db()
    assert not world.viewer.is_superuser and world.viewer.membership.role == "viewer"
    with pytest.raises(Exception, match="administrator"):
        people.update_user(world.coordinator, world.viewer, {"is_superuser": True})
    world.viewer.refresh_from_db()
    assert not world.viewer.is_superuser


def test_a_coordinator_cannot_touch_a_superuser(coordinator, superuser):
    assert coordinator.get(f"/manage/users/{superuser.pk}/edit/").status_code == 403
    assert coordinator.post(f"/manage/users/{superuser.pk}/password/").status_code == 403
    assert (
        coordinator.post(f"/manage/users/{superuser.pk}/active/", {"active": "0"}).status_code
        == 403
    )
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.check_password(PASSWORD)


def test_a_superuser_grants_administrator(client, world, superuser):
    client.force_login(superuser)
    assert 'name="is_superuser"' in client.get("/manage/users/new/").content.decode()
    client.post(f"/manage/users/{world.viewer.pk}/edit/", account(world, is_superuser="on"))
    world.viewer.refresh_from_db()
    assert world.viewer.is_superuser and world.viewer.is_staff


def test_the_list_filters_by_agency_role_and_words(coordinator, world):
    page = coordinator.get(f"/manage/users/?agency={world.agency_a.pk}").content.decode()
    assert ">officer_a<" in page and ">mps_coordinator<" in page and ">officer_b<" not in page
    page = coordinator.get("/manage/users/?role=focal_point").content.decode()
    assert ">officer_a<" in page and ">officer_b<" in page and ">viewer<" not in page
    page = coordinator.get("/manage/users/?q=OFFICER_B").content.decode()
    assert ">officer_b<" in page and ">officer_a<" not in page and "1 account" in page


def test_an_account_without_membership_is_listed(coordinator, world):
    get_user_model().objects.create_user("lonely", password=PASSWORD)
    page = coordinator.get("/manage/users/?q=lonely").content.decode()
    assert ">lonely<" in page and "No role" in page
    assert (
        coordinator.get(
            f"/manage/users/{get_user_model().objects.get(username='lonely').pk}/"
        ).status_code
        == 200
    )

"""People change their own password from the header, giving the old one."""

import pytest

from tests.personas import PASSWORD

NEW = "a-new-and-long-passphrase-42"


def change(client, old, new=NEW, again=None):
    return client.post(
        "/accounts/password/",
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_header_links_to_the_form_in_the_site_layout(client, world, lang):
    client.force_login(world.viewer)
    page = client.get("/recommendations/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert 'href="/accounts/password/"' in page
    form = client.get("/accounts/password/", HTTP_ACCEPT_LANGUAGE=lang)
    assert form.status_code == 200
    html = form.content.decode()
    assert f'<html lang="{lang}">' in html and 'class="brand"' in html
    assert 'name="old_password"' in html and 'name="new_password2"' in html


def test_the_password_changes_with_the_old_one(client, world):
    client.force_login(world.viewer)
    response = change(client, PASSWORD)
    assert response.status_code == 302 and response.url == "/accounts/password/done/"
    world.viewer.refresh_from_db()
    assert world.viewer.check_password(NEW)
    done = client.get(response.url)
    assert "Password changed" in done.content.decode()
    assert client.get("/recommendations/").status_code == 200  # still signed in


def test_a_wrong_old_password_changes_nothing(client, world):
    client.force_login(world.viewer)
    response = change(client, "not-the-password")
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    world.viewer.refresh_from_db()
    assert world.viewer.check_password(PASSWORD) and not world.viewer.check_password(NEW)


def test_a_weak_or_mismatched_new_password_is_refused(client, world):
    client.force_login(world.viewer)
    assert change(client, PASSWORD, new="12345678").status_code == 200
    assert change(client, PASSWORD, again=NEW + "x").status_code == 200
    world.viewer.refresh_from_db()
    assert world.viewer.check_password(PASSWORD)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/accounts/password/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")

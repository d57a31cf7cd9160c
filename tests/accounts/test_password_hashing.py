"""Passwords are stored with Argon2id at OWASP's parameters; older PBKDF2 hashes still sign in
and are re-hashed with Argon2id then (the production list of hashers, not the tests' MD5)."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password, make_password
from django.test import Client

import camket.settings as production
from tests.personas import PASSWORD


@pytest.fixture(autouse=True)
def _production_hashers(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


def test_a_new_password_is_stored_as_argon2id_at_owasp_parameters():
    stored = make_password("a long enough passphrase")

    algorithm, variant, version, parameters, _salt, _hash = stored.split("$")
    assert (algorithm, variant, version) == ("argon2", "argon2id", "v=19")
    assert parameters == "m=19456,t=2,p=1"
    assert check_password("a long enough passphrase", stored)
    assert not check_password("a long enough passphrasE", stored)


def test_an_older_pbkdf2_password_signs_in_and_is_rehashed_with_argon2id(world):
    user = world.coordinator
    # Few iterations keep the test fast; the stored hash says how many to verify with.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "pepperlesssalt", iterations=1000)
    user.save(update_fields=["password"])
    client = Client()

    wrong = client.post("/accounts/login/", {"username": user.username, "password": "nope"})
    user.refresh_from_db()
    assert wrong.status_code == 200 and user.password.startswith("pbkdf2_sha256$1000$")

    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)


def test_a_django_default_argon2_hash_is_brought_to_owasp_parameters_at_sign_in(world):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    user = world.coordinator
    user.password = Argon2PasswordHasher().encode(PASSWORD, "anothersaltvalue")
    user.save(update_fields=["password"])
    assert "m=102400,t=2,p=8" in user.password

    response = Client().post("/accounts/login/", {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in user.password

"""Environment values: a bad one names its variable and value; production settings follow."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from camket.lib import deploy_checks
from camket.lib.env import collect_problems, env_bool, env_int, raise_problems

REPO = Path(__file__).resolve().parents[2]


def test_a_malformed_number_names_the_variable_and_its_value(monkeypatch):
    monkeypatch.setenv("CAMKET_MAX_IMPORT_ROWS", "abc")
    with pytest.raises(ImproperlyConfigured, match="CAMKET_MAX_IMPORT_ROWS='abc'"):
        env_int("CAMKET_MAX_IMPORT_ROWS", 10)


def test_while_collecting_every_bad_value_is_listed_in_one_error(monkeypatch):
    monkeypatch.setenv("CAMKET_A_NUMBER", "12x")
    monkeypatch.setenv("CAMKET_A_SWITCH", "perhaps")
    collect_problems()
    assert env_int("CAMKET_A_NUMBER", 7) == 7
    assert env_bool("CAMKET_A_SWITCH", True) is True
    with pytest.raises(ImproperlyConfigured) as raised:
        raise_problems()
    assert "CAMKET_A_NUMBER='12x'" in str(raised.value)
    assert "CAMKET_A_SWITCH='perhaps'" in str(raised.value)
    raise_problems()  # collecting has stopped: nothing left to raise


def test_secret_keys_too_short_or_not_random_are_problems():
    assert deploy_checks.secret_key_problems("")
    assert deploy_checks.secret_key_problems("a" * 49)
    assert deploy_checks.secret_key_problems("ab" * 30)
    assert deploy_checks.secret_key_problems("django-insecure-" + "abcdefghij" * 5)
    assert deploy_checks.secret_key_problems("q7Vd!x2Lm#9rTz@4Kp$8Wn^3Hy&6Jb*1Fs(5Gc)0Ne_Ua") != []
    assert (
        deploy_checks.secret_key_problems("q7Vd!x2Lm#9rTz@4Kp$8Wn^3Hy&6Jb*1Fs(5Gc)0Ne_Ua+Yi=Oe")
        == []
    )


def test_an_unwritable_data_directory_is_a_problem(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert deploy_checks.data_dir_problems(blocker / "data")
    assert deploy_checks.data_dir_problems(tmp_path / "data") == []


def _settings_under(tmp_path, **environment) -> dict:
    """Read the settings module in a fresh interpreter (it is read once per process)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CAMKET_")}
    env.update({"CAMKET_DATA_DIR": str(tmp_path)}, **environment)
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_AGE",
    ]
    script = (
        "import json, camket.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_https_turns_on_secure_cookies_hsts_redirect_and_the_proxy_header(tmp_path):
    values = _settings_under(
        tmp_path, CAMKET_HTTPS="1", CAMKET_HSTS_SECONDS="600", CAMKET_SESSION_IDLE_MINUTES="15"
    )
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SESSION_COOKIE_AGE"] == 15 * 60


def test_the_older_secure_cookies_switch_still_works_alone(tmp_path):
    values = _settings_under(tmp_path, CAMKET_SECURE_COOKIES="1")
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] is None
    assert values["SECURE_HSTS_SECONDS"] is None


def test_an_unreadable_database_url_is_named_without_its_password():
    from camket.lib.deploy_checks import parse_database_url

    config, problems = parse_database_url("nosuchdb://camket:s3cret-pw@db.example/camket", 0)
    assert config == {}
    assert problems == ["DATABASE_URL='nosuchdb://camket:***@db.example/camket' cannot be read."]
    assert "s3cret-pw" not in problems[0]


def test_a_readable_database_url_replaces_broken_persistent_connections():
    from camket.lib.deploy_checks import parse_database_url

    config, problems = parse_database_url("postgres://camket:pw@db.example/camket", 60)
    assert problems == []
    assert config["CONN_MAX_AGE"] == 60 and config["CONN_HEALTH_CHECKS"] is True

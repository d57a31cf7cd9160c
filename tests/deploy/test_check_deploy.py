"""`camket check --deploy` and the start-up check of the environment, in a fresh process each."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RANDOM_SECRET_KEY = "q7Vd!x2Lm#9rTz@4Kp$8Wn^3Hy&6Jb*1Fs(5Gc)0Ne_Ua+Yi=Oe-Rl"


def run_camket(tmp_path, *args, **environment):
    # A clean environment: none of this run's settings, nor the browser tests' async switch.
    left_out = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CAMKET_") and key not in left_out
    }
    env.update({"CAMKET_DATA_DIR": str(tmp_path / "data"), "CAMKET_LANGUAGE": "en"})
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-m", "camket", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_production_configuration_passes_the_deploy_check_at_warning_level(tmp_path):
    result = run_camket(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        CAMKET_PRODUCTION="1",
        CAMKET_HTTPS="1",
        CAMKET_SECRET_KEY=RANDOM_SECRET_KEY,
        CAMKET_ALLOWED_HOSTS="camket.example.org",
        CAMKET_DEBUG="0",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_bad_production_environment_is_refused_with_every_problem_named(tmp_path):
    result = run_camket(
        tmp_path,
        "check",
        CAMKET_PRODUCTION="1",
        CAMKET_SECRET_KEY="too-short",
        CAMKET_MAX_IMPORT_ROWS="abc",
        CAMKET_HTTPS="maybe",
        DATABASE_URL="nosuchdb://somewhere/camket",
    )
    assert result.returncode != 0
    message = result.stderr
    assert "Traceback" not in message
    assert "CAMKET_SECRET_KEY has 9 characters" in message
    assert "CAMKET_ALLOWED_HOSTS is not set" in message
    assert "CAMKET_MAX_IMPORT_ROWS='abc' is not a whole number" in message
    assert "CAMKET_HTTPS='maybe' is not a yes/no value" in message
    assert "DATABASE_URL='nosuchdb://somewhere/camket' cannot be read" in message
    assert "(5 problem(s))" in message

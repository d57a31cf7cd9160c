"""deploy/: gunicorn takes its numbers from the environment; the units run what they say."""

import configparser
import runpy
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "8")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "120")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9000")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert (config["workers"], config["threads"], config["timeout"]) == (3, 8, 120)
    assert config["bind"] == "127.0.0.1:9000"
    assert config["errorlog"] == "-"


def test_a_malformed_gunicorn_number_stops_with_its_name(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "four")
    with pytest.raises(SystemExit, match="GUNICORN_WORKERS='four'"):
        runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(DEPLOY / name)
    return unit


def test_the_worker_restarts_always_and_stops_gently():
    service = _unit("camket-worker.service")["Service"]
    assert service["ExecStart"].endswith("camket db_worker")
    assert service["Restart"] == "always"
    assert service["KillSignal"] == "SIGTERM"
    assert service["EnvironmentFile"] == "/etc/camket/camket.env"


def test_each_timer_has_the_service_it_starts():
    for timer in DEPLOY.glob("*.timer"):
        service = DEPLOY / timer.name.replace(".timer", ".service")
        assert service.exists(), service
        assert _unit(service.name)["Service"]["Type"] == "oneshot"
        assert "OnCalendar" in _unit(timer.name)["Timer"]


def test_the_example_environment_switches_production_on():
    lines = (DEPLOY / "camket.env.example").read_text().splitlines()
    values = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    assert values["CAMKET_PRODUCTION"] == "1"
    assert values["CAMKET_HTTPS"] == "1"
    assert values["CAMKET_DEBUG"] == "0"

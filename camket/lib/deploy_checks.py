"""What a production start-up refuses: each check returns the problems it finds, in words."""

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url

# Django's own deploy check (security.W009) asks for at least 50 characters, 5 of them distinct.
MIN_SECRET_KEY_CHARS = 50
MIN_SECRET_KEY_DISTINCT_CHARS = 5


def secret_key_problems(secret_key: str) -> list[str]:
    if not secret_key:
        return ["CAMKET_SECRET_KEY is not set: set it to a long random value (50+ characters)."]
    if len(secret_key) < MIN_SECRET_KEY_CHARS:
        return [
            f"CAMKET_SECRET_KEY has {len(secret_key)} characters: use at least "
            f"{MIN_SECRET_KEY_CHARS} random ones."
        ]
    if len(set(secret_key)) < MIN_SECRET_KEY_DISTINCT_CHARS or secret_key.startswith(
        "django-insecure-"
    ):
        return ["CAMKET_SECRET_KEY is not random: generate one (docs/deployment.md)."]
    return []


def allowed_hosts_problems(raw: str | None) -> list[str]:
    if raw is None or not raw.strip():
        return ["CAMKET_ALLOWED_HOSTS is not set: name the host names the site answers to."]
    return []


def parse_database_url(url: str, conn_max_age: int) -> tuple[dict[str, Any], list[str]]:
    """The DATABASES entry for `url`, or a SQLite stand-in and the problem with `url`."""
    shown = _without_password(url)
    try:
        # A persistent connection broken by a database restart is replaced, not reused.
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except Exception:  # noqa: BLE001 — the library raises several kinds
        return {}, [f"DATABASE_URL={shown!r} cannot be read."]
    if not config.get("ENGINE") or not config.get("NAME"):
        return {}, [f"DATABASE_URL={shown!r} names no database."]
    return dict(config), []


def _without_password(url: str) -> str:
    """The URL as it may be shown in an error: a password never reaches a log or a terminal."""
    return re.sub(r"(//[^:/@]*:)[^@]*@", r"\1***@", url)


def data_dir_problems(data_dir: Path) -> list[str]:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir):
            pass
    except OSError as error:
        return [f"CAMKET_DATA_DIR={str(data_dir)!r} is not a writable folder ({error.strerror})."]
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return [f"CAMKET_DATA_DIR={str(data_dir)!r} is not a writable folder."]
    return []

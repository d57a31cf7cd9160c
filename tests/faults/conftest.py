"""Real processes sharing a real SQLite file with the test: `camket …` started, killed with
SIGKILL at a chosen moment, and the database then read directly.

The file is a copy of the test database pytest-django has just migrated (made once per
session with SQLite's backup API: migrating a new file would take a minute). On PostgreSQL the
processes would need a database of their own, so these tests run on SQLite only."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parents[2]
POLL_SECONDS = 0.02


@pytest.fixture(scope="session")
def migrated_template(  # the tests using it are marked django_db, or no test database is made
    django_db_setup, django_db_blocker, tmp_path_factory
) -> Path:
    if connection.vendor != "sqlite":
        pytest.skip("process-kill tests share a SQLite file with the processes they kill")
    path = tmp_path_factory.mktemp("faults-template") / "camket.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    return path


class Site:
    """A data folder and database of its own, and `camket` commands run against them."""

    def __init__(self, root: Path, template: Path):
        self.data_dir = root / "data"
        self.data_dir.mkdir()
        self.database = root / "camket.sqlite3"
        self.database.write_bytes(template.read_bytes())
        self.env = {
            **os.environ,
            "CAMKET_DATA_DIR": str(self.data_dir),
            "DATABASE_URL": f"sqlite:///{self.database}",
            "CAMKET_LANGUAGE": "en",
            "PYTHONUNBUFFERED": "1",
        }

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "camket", *args]

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.command(*args),
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            self.command(*args),
            cwd=REPO_ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def query(self, sql: str, *params) -> list[tuple]:
        with sqlite3.connect(self.database, timeout=20) as db:
            return db.execute(sql, params).fetchall()

    def count(self, table: str, where: str = "1=1", *params) -> int:
        return self.query(f"SELECT COUNT(*) FROM {table} WHERE {where}", *params)[0][0]  # noqa: S608

    def write_lock_held(self) -> bool:
        """Whether another connection is inside a write transaction (camket's SQLite
        transactions are IMMEDIATE: they take the write lock when they begin)."""
        db = sqlite3.connect(self.database, timeout=0, isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                return True
            raise
        finally:
            db.close()

    def integrity(self) -> str:
        return self.query("PRAGMA integrity_check")[0][0]


@pytest.fixture
def site(migrated_template, tmp_path, db) -> Site:
    return Site(tmp_path, migrated_template)


def wait_for(condition, process: subprocess.Popen, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the process ended before {what}: {out}\n{err}")
        if time.monotonic() > deadline:
            kill(process)
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(POLL_SECONDS)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL: no handler, no cleanup, as the kernel's OOM killer or a power cut."""
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

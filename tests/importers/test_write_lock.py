"""SQLite under a long import: WAL and the busy timeout apply, writers wait instead of failing,
and the import reads everything before it takes the write lock."""

import copy
import threading
import time

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper

from camket.frameworks.models import Framework, Recommendation
from camket.importers.service import import_file

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings")


def _file_connection(path, alias):
    """A connection made from the project's own settings, to a real file database."""
    settings_dict = copy.deepcopy(connections["default"].settings_dict)
    settings_dict["NAME"] = str(path)
    return DatabaseWrapper(settings_dict, alias=alias)


@sqlite_only
def test_wal_and_busy_timeout_apply_to_a_file_database(tmp_path, django_db_blocker):
    django_db_blocker.unblock()
    wrapper = _file_connection(tmp_path / "camket.sqlite3", "pragmas")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5000
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
    finally:
        wrapper.close()
        django_db_blocker.restore()


@sqlite_only
def test_a_writer_waits_for_the_write_lock_and_then_succeeds(tmp_path, django_db_blocker):
    django_db_blocker.unblock()
    path = tmp_path / "camket.sqlite3"
    waiter = _file_connection(path, "waiter")
    locked, hold_seconds, failures = threading.Event(), 0.5, []

    def hold_the_lock():
        holder = _file_connection(path, "holder")  # a connection belongs to its thread
        try:
            with holder.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("INSERT INTO t VALUES (1)")
                locked.set()
                time.sleep(hold_seconds)
                cursor.execute("COMMIT")
        except Exception as error:  # noqa: BLE001 — reported by the test below
            failures.append(error)
            locked.set()
        finally:
            holder.close()

    try:
        with waiter.cursor() as cursor:
            cursor.execute("CREATE TABLE t (v integer)")
        thread = threading.Thread(target=hold_the_lock)
        thread.start()
        assert locked.wait(5) and not failures
        started = time.perf_counter()
        with waiter.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (2)")  # autocommit: waits for the lock
            waited = time.perf_counter() - started
            thread.join()
            cursor.execute("SELECT count(*) FROM t")
            assert cursor.fetchone()[0] == 2
        assert not failures and waited >= hold_seconds / 2
    finally:
        waiter.close()
        django_db_blocker.restore()


def test_the_import_reads_and_plans_before_opening_its_transaction(db, tmp_path):
    Framework.objects.create(slug="upr-vn-4", name="UPR Viet Nam 4", kind="upr_cycle")
    path = tmp_path / "list.csv"
    path.write_text(
        "Reference,Text,Recommending states\n1,Protect journalists.,Sweden\n", encoding="utf-8"
    )
    depth_while_planning = []
    baseline = len(connection.savepoint_ids)  # the test's own transaction, if any

    def progress(_count):
        depth_while_planning.append(len(connection.savepoint_ids) - baseline)

    summary = import_file(path, framework_slug="upr-vn-4", progress=progress)
    assert summary.created == 1 and Recommendation.objects.filter(reference="1").exists()
    assert depth_while_planning and set(depth_while_planning) == {0}

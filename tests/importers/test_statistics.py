"""The planner's statistics after a large import: inside the import's transaction on PostgreSQL
(a later query must not be planned on the statistics of the tables before the import); at once
after the commit on SQLite. Nothing is queued for a worker."""

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from camket.frameworks.models import Framework
from camket.importers import service, statistics
from camket.importers.service import import_file

ROWS = "Reference,Text,Recommending states,Response\n1.1,Ratify the convention.,France,Supported\n"
BROKEN = "Reference,Text,Recommending states,Response\n1.1,,France,Supported\n"


@pytest.fixture
def framework(db, monkeypatch):
    monkeypatch.setattr(service, "ANALYZE_AFTER_ROWS", 1)
    return Framework.objects.create(slug="upr-vn-9", name="UPR Viet Nam 9", kind="upr_cycle")


def _queued() -> list[str]:
    return [row.task_path for row in DBTaskResult.objects.all()]


def _import(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return import_file(path, framework_slug="upr-vn-9")


def _analyses(monkeypatch) -> list[bool]:
    """For each ANALYZE: whether it ran inside the import's transaction."""
    ran: list[bool] = []
    monkeypatch.setattr(
        statistics, "refresh_planner_statistics", lambda: ran.append(connection.in_atomic_block)
    )
    return ran


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL analyzes inside")
def test_a_large_import_analyzes_inside_its_transaction_on_postgresql(
    tmp_path, framework, monkeypatch
):
    ran = _analyses(monkeypatch)
    assert _import(tmp_path, ROWS).created == 1
    assert ran == [True] and _queued() == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL analyzes inside")
def test_a_refused_or_small_import_analyzes_nothing(tmp_path, framework, monkeypatch):
    ran = _analyses(monkeypatch)
    assert not _import(tmp_path, BROKEN).ok
    monkeypatch.setattr(service, "ANALYZE_AFTER_ROWS", 2)
    assert _import(tmp_path, ROWS).created == 1
    assert ran == [] and _queued() == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite analyzes at once")
def test_sqlite_analyzes_once_the_import_committed(
    tmp_path, framework, django_capture_on_commit_callbacks
):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone()[0]:
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'frameworks_recommendation'")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert _import(tmp_path, ROWS).created == 1
    assert len(callbacks) >= 1 and _queued() == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'frameworks_recommendation'")
        assert cursor.fetchone()[0] > 0

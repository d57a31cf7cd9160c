"""The worker when the database drops: it logs, waits and tries again (no exit, no spin), and
the job the error broke off is marked failed when it comes back."""

import logging
from io import StringIO

from django.core.management import call_command
from django.db import OperationalError
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as LibraryWorker
from django_tasks_db.models import DBTaskResult

from camket.jobs.management.commands import db_worker
from camket.reminders.tasks import send_due_reminders


def test_the_worker_waits_for_the_database_and_fails_the_job_it_broke_off(db, monkeypatch, caplog):
    job = send_due_reminders.enqueue()
    attempts, waits = [], []

    def work(self, *args, worker_id, **options):
        attempts.append(worker_id)
        if len(attempts) == 1:  # the database drops while the job runs
            DBTaskResult.objects.get(pk=job.id).claim(worker_id)
        if len(attempts) <= 2:  # and is still down at the first retry
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(LibraryWorker, "handle", work)
    monkeypatch.setattr(db_worker.time, "sleep", waits.append)
    monkeypatch.setattr(db_worker.connections, "close_all", lambda: None)  # the test's own
    with caplog.at_level(logging.ERROR, db_worker.logger.name):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

    assert waits == [1, 2]
    assert len(set(attempts)) == 3  # a new name each time, so the old one's job is recovered
    logged = [r.getMessage() for r in caplog.records if r.name == db_worker.logger.name]
    assert len(logged) == 2
    assert all(m.startswith("The database cannot be reached") for m in logged)
    recovered = DBTaskResult.objects.get(pk=job.id)
    assert recovered.status == TaskResultStatus.FAILED
    assert recovered.exception_class_path == "camket.jobs.recovery.WorkerLost"


def test_the_waits_grow_to_half_a_minute_and_stay_there():
    assert db_worker.RETRY_WAITS[-1] == 30
    assert list(db_worker.RETRY_WAITS) == sorted(db_worker.RETRY_WAITS)

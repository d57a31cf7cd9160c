"""Jobs left running by a worker that was killed are marked failed, and their tagging runs
show as interrupted (camket db_worker at start, camket jobs recover, the suggestions page)."""

import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from camket.jobs.recovery import WorkerId, this_host
from camket.reminders.tasks import send_due_reminders
from camket.tagging.models import TaggingRun
from camket.tagging.runs import carry_out
from camket.tagging.tasks import carry_out_run


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def claimed(job_id, worker_id: str, started_minutes_ago: int = 1) -> DBTaskResult:
    job = DBTaskResult.objects.get(pk=job_id)
    job.claim(worker_id)
    DBTaskResult.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago)
    )
    return job


@pytest.fixture
def running_run(world):
    """A suggestion run whose worker claimed its job and marked it running."""
    run = TaggingRun.objects.create(job=TaggingRun.Job.SUGGEST, requested_by=world.coordinator)
    result = carry_out_run.enqueue(run.pk)
    TaggingRun.objects.filter(pk=run.pk).update(state=TaggingRun.State.RUNNING)
    return run, result.id


def test_a_job_whose_worker_process_is_gone_is_failed_and_its_run_interrupted(running_run):
    run, job_id = running_run
    claimed(job_id, str(WorkerId(this_host(), dead_pid(), "abc")))

    out = StringIO()
    call_command("jobs", "recover", "--json", stdout=out)

    [lost] = json.loads(out.getvalue())
    assert lost["job_id"] == str(job_id) and "stopped before it finished" in lost["reason"]
    job = DBTaskResult.objects.get(pk=job_id)
    assert job.status == TaskResultStatus.FAILED and job.finished_at is not None
    assert job.exception_class_path == "camket.jobs.recovery.WorkerLost"
    assert "stopped before it finished" in job.traceback
    run.refresh_from_db()
    assert run.state == TaggingRun.State.INTERRUPTED and run.finished_at is not None


def test_a_job_whose_worker_is_alive_is_left_running(running_run):
    run, job_id = running_run
    claimed(job_id, str(WorkerId(this_host(), os.getppid(), "abc")))
    call_command("jobs", "recover", stdout=StringIO())
    assert DBTaskResult.objects.get(pk=job_id).status == TaskResultStatus.RUNNING
    run.refresh_from_db()
    assert run.state == TaggingRun.State.RUNNING


def test_a_job_of_an_unknown_worker_is_failed_only_after_the_maximum_duration(
    running_run, settings
):
    settings.CAMKET_JOB_MAX_MINUTES = 60
    run, job_id = running_run
    claimed(job_id, "worker-on-another-host", started_minutes_ago=59)
    call_command("jobs", "recover", stdout=StringIO())
    assert DBTaskResult.objects.get(pk=job_id).status == TaskResultStatus.RUNNING

    DBTaskResult.objects.filter(pk=job_id).update(started_at=timezone.now() - timedelta(minutes=61))
    call_command("jobs", "recover", stdout=StringIO())
    job = DBTaskResult.objects.get(pk=job_id)
    assert job.status == TaskResultStatus.FAILED and "60 minutes" in job.traceback
    run.refresh_from_db()
    assert run.state == TaggingRun.State.INTERRUPTED


def test_the_worker_recovers_at_start_and_names_itself_by_host_and_process(
    world, running_run, monkeypatch
):
    # The worker closes connections that are not in autocommit mode, as the test's own
    # transaction is: on a file database (or PostgreSQL) the test would lose its database.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    run, job_id = running_run
    claimed(job_id, str(WorkerId(this_host(), dead_pid(), "abc")))
    reminders = send_due_reminders.enqueue()

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:  # the worker installs its own signal handlers: give pytest its own back
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--verbosity",
            "0",
            stdout=StringIO(),
        )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)

    assert DBTaskResult.objects.get(pk=job_id).status == TaskResultStatus.FAILED
    run.refresh_from_db()
    assert run.state == TaggingRun.State.INTERRUPTED
    done = DBTaskResult.objects.get(pk=reminders.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    worker = WorkerId.parse(done.worker_ids[-1])
    assert worker is not None and worker.pid == os.getpid() and worker.host == this_host()


def test_an_earlier_worker_with_this_process_number_is_taken_as_gone(running_run):
    # A container restart gives the new worker the dead one's process number.
    from camket.jobs.recovery import recover_lost_jobs

    run, job_id = running_run
    claimed(job_id, str(WorkerId(this_host(), os.getpid(), "before-restart")))
    own = str(WorkerId(this_host(), os.getpid(), "after-restart"))
    assert [lost.job_id for lost in recover_lost_jobs(own_worker_id=own)] == [str(job_id)]


def test_the_suggestions_page_recovers_and_says_the_run_was_interrupted(client, world, running_run):
    run, job_id = running_run
    claimed(job_id, str(WorkerId(this_host(), dead_pid(), "abc")))
    client.force_login(world.coordinator)
    page = client.get("/suggestions/").content.decode()
    assert "The background worker stopped before this run finished; run it again." in page
    assert '<span class="badge interrupted">Interrupted</span>' in page
    run.refresh_from_db()
    assert run.state == TaggingRun.State.INTERRUPTED


def test_a_run_stopped_by_a_forced_worker_shutdown_is_interrupted_not_queued(world, monkeypatch):
    from camket.tagging import runs

    def stopped(*args):
        raise KeyboardInterrupt

    monkeypatch.setitem(runs.JOBS, TaggingRun.Job.RETRAIN, stopped)
    run = TaggingRun.objects.create(job=TaggingRun.Job.RETRAIN)
    with pytest.raises(KeyboardInterrupt):
        carry_out(run)
    run.refresh_from_db()
    assert run.state == TaggingRun.State.INTERRUPTED


def test_a_run_that_failed_on_its_own_keeps_its_reason(world, running_run):
    run, job_id = running_run
    TaggingRun.objects.filter(pk=run.pk).update(state=TaggingRun.State.FAILED, summary="why")
    claimed(job_id, str(WorkerId(this_host(), dead_pid(), "abc")))
    call_command("jobs", "recover", stdout=StringIO())
    run.refresh_from_db()
    assert run.state == TaggingRun.State.FAILED and run.summary == "why"

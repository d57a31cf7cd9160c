"""Jobs left "running" by a background worker that died (killed, out of memory, machine restart).

django-tasks-db marks a job RUNNING when a worker claims it and only the same worker ever marks
it finished, so a worker that dies leaves the job RUNNING forever (django-tasks issue #46: no
heartbeat, no built-in recovery). camket's workers (`camket db_worker`) take a worker id that
names their host and process; a RUNNING job is taken as lost when

- its worker ran on this host and that process no longer exists (or is an earlier process
  whose number this very worker now has, as after a container restart), or
- it started more than CAMKET_JOB_MAX_MINUTES ago (for workers on other hosts, or started
  without camket's worker id).

A lost job is marked FAILED with the reason (never run again by itself: a job that killed its
worker, say by running out of memory, would kill the next one too), and django-tasks'
`task_finished` signal is sent for it so the app that queued it can say so (tagging runs show
"interrupted").
"""

import logging
import os
import socket
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

PREFIX = "camket"


class WorkerLost(Exception):
    """Recorded as the failure of a job whose worker stopped before finishing it."""


@dataclass(frozen=True)
class WorkerId:
    host: str
    pid: int
    token: str

    def __str__(self) -> str:
        return f"{PREFIX}:{self.host}:{self.pid}:{self.token}"

    @classmethod
    def parse(cls, value: str) -> "WorkerId | None":
        parts = value.split(":")
        if len(parts) != 4 or parts[0] != PREFIX or not parts[2].isdigit():
            return None
        return cls(parts[1], int(parts[2]), parts[3])


def this_host() -> str:
    return socket.gethostname()[:32].replace(":", "-")


def new_worker_id() -> str:
    """At most 64 characters, as django-tasks-db requires."""
    return str(WorkerId(this_host(), os.getpid(), get_random_string(12)))


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


@dataclass(frozen=True)
class Lost:
    job_id: str
    task_path: str
    reason: str


def why_lost(job: DBTaskResult, now, max_duration: timedelta, own_id: str | None) -> str | None:
    worker = WorkerId.parse(job.worker_ids[-1]) if job.worker_ids else None
    if worker is not None and worker.host == this_host() and str(worker) != own_id:
        if worker.pid == os.getpid() or not process_exists(worker.pid):
            return (
                f"The worker that ran this job (process {worker.pid} on {worker.host}) "
                "stopped before it finished."
            )
    if job.started_at is not None and job.started_at < now - max_duration:
        minutes = int(max_duration.total_seconds() // 60)
        return (
            f"Still marked running {minutes} minutes after it started: its worker is "
            "taken as stopped."
        )
    return None


def recover_lost_jobs(*, own_worker_id: str | None = None, now=None) -> list[Lost]:
    """Mark the RUNNING jobs whose worker is gone as FAILED; return what was marked."""
    now = now or timezone.now()
    max_duration = timedelta(minutes=settings.CAMKET_JOB_MAX_MINUTES)
    lost = []
    for job in DBTaskResult.objects.running():
        reason = why_lost(job, now, max_duration, own_worker_id)
        if reason is None:
            continue
        # Conditional: a worker finishing the job meanwhile wins.
        marked = DBTaskResult.objects.filter(pk=job.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: {reason}\n",
        )
        if not marked:
            continue
        logger.warning("Job %s (%s) marked failed: %s", job.pk, job.task_path, reason)
        lost.append(Lost(str(job.pk), job.task_path, reason))
        announce(DBTaskResult.objects.get(pk=job.pk), reason)
    return lost


def announce(job: DBTaskResult, reason: str) -> None:
    """Send django-tasks' task_finished, as the worker does, so the queuing app hears of it."""
    try:
        result = job.task_result
        sender = type(result.task.get_backend())
    except Exception:  # the task's code is gone: nobody to tell
        logger.warning("Job %s: task %s cannot be loaded", job.pk, job.task_path)
        return
    try:  # inside an exception, as in the worker: django-tasks logs the failure with it
        raise WorkerLost(reason)
    except WorkerLost:
        task_finished.send(sender=sender, task_result=result)

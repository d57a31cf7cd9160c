"""A tagging run whose background job failed without the run saying why was interrupted.

`carry_out` records its own failures; when its job fails without that (the worker was killed
and `camket.jobs.recovery` marked the job failed, or the worker was forced to stop), the run
would stay "queued" or "running" forever. django-tasks' `task_finished` tells us.
"""

from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from camket.tagging.models import TaggingRun

RUN_TASK = "camket.tagging.tasks.carry_out_run"
UNFINISHED = [TaggingRun.State.QUEUED, TaggingRun.State.RUNNING]


def mark_interrupted(run_id: int) -> bool:
    return (
        TaggingRun.objects.filter(pk=run_id, state__in=UNFINISHED).update(
            state=TaggingRun.State.INTERRUPTED, finished_at=timezone.now()
        )
        > 0
    )


@receiver(task_finished, dispatch_uid="tagging-run-interrupted")
def run_job_finished(sender, task_result, **kwargs) -> None:
    if task_result.status == TaskResultStatus.FAILED and task_result.task.module_path == RUN_TASK:
        mark_interrupted(task_result.args[0])

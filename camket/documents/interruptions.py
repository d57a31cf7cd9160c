"""A document request whose background job failed without saying why has failed.

`requests.carry_out` records its own failures; when the worker was killed and
`camket.jobs.recovery` marked the job failed, the request would stay "running" forever and the
page would poll it for ever. django-tasks' `task_finished` tells us.
"""

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from camket.documents.models import DocumentRequest

TASK = "camket.documents.tasks.make_requested_document"
UNFINISHED = [DocumentRequest.State.QUEUED, DocumentRequest.State.RUNNING]


@receiver(task_finished, dispatch_uid="document-request-interrupted")
def document_job_finished(sender, task_result, **kwargs) -> None:
    if task_result.status == TaskResultStatus.FAILED and task_result.task.module_path == TASK:
        DocumentRequest.objects.filter(pk=task_result.args[0], state__in=UNFINISHED).update(
            state=DocumentRequest.State.FAILED,
            finished=timezone.now(),
            error=_("The background worker stopped before the document was made."),
        )

"""Report drafts as background tasks, for the database worker (`camket db_worker`)."""

from django_tasks import task

from camket.documents.models import DocumentRequest
from camket.documents.requests import carry_out


@task()
def make_requested_document(request_id: int) -> str:
    return carry_out(DocumentRequest.objects.get(pk=request_id)).state

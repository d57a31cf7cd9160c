"""Tagging runs as background tasks, for the database worker (`camket db_worker`)."""

from django_tasks import task

from camket.tagging.models import TaggingRun
from camket.tagging.runs import carry_out


@task()
def carry_out_run(run_id: int) -> str:
    return carry_out(TaggingRun.objects.get(pk=run_id)).summary

"""The reminder run as a background task, for the database worker (`camket db_worker`)."""

from django_tasks import task

from camket.reminders.services import send_reminders


@task()
def send_due_reminders() -> int:
    return sum(outcome.sent for outcome in send_reminders())

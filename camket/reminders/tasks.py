"""The reminder run as a background task, for the database worker (`camket db_worker`)."""

from django_tasks import task

from camket.inbox.notify import notify_due_soon
from camket.reminders.services import send_reminders


@task()
def send_due_reminders() -> int:
    sent = sum(outcome.sent for outcome in send_reminders())
    notify_due_soon()
    return sent

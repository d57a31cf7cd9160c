"""Notification e-mail as a background task, for the database worker (`camket db_worker`).

The web request that creates notifications only queues this task: a slow or hung mail server
then delays the worker, never the person who clicked. Whatever a failed or missing worker
leaves pending is sent by the next `camket notify` (which `camket remind` also runs)."""

from django_tasks import task

from camket.inbox.notify import send_pending_emails


@task()
def send_notification_emails() -> int:
    sent, _failed = send_pending_emails()
    return sent

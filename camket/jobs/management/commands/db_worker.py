"""django-tasks-db's worker, which first marks the jobs of stopped workers as failed.

It takes the place of django_tasks_db's `db_worker` (camket.jobs comes before it in
INSTALLED_APPS) and names itself host:process, so later recoveries can tell whether it is gone.

django-tasks-db's worker waits out a locked SQLite database but exits on any other database
error (PostgreSQL restarting, connection refused). This one logs it and tries again after a
growing wait (up to half a minute) instead of exiting: under systemd, Restart=always would
otherwise restart it in a loop for as long as the database is down.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from camket.jobs.recovery import WorkerId, new_worker_id, recover_lost_jobs

logger = logging.getLogger(__name__)

RETRY_WAITS = (1, 2, 5, 10, 30)  # seconds; the last one repeats


class Command(DbWorkerCommand):
    help = DbWorkerCommand.help + " (after marking jobs left running by a stopped worker as failed)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=new_worker_id())

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        failures = 0
        while True:
            try:
                self.recover_and_work(*args, **options)
                return
            except (OperationalError, InterfaceError) as error:
                wait = RETRY_WAITS[min(failures, len(RETRY_WAITS) - 1)]
                failures += 1
                logger.error(
                    "The database cannot be reached (%s); the worker tries again in %d s.",
                    error,
                    wait,
                )
                connections.close_all()
                time.sleep(wait)
                if WorkerId.parse(options["worker_id"]) is not None:
                    # A new name, so that recovery marks the job the database error broke off
                    # (still "running" under the old name) as failed.
                    options["worker_id"] = new_worker_id()

    def recover_and_work(self, *args, **options):
        for job in recover_lost_jobs(own_worker_id=options["worker_id"]):
            self.stdout.write(f"Job {job.job_id} ({job.task_path}) marked failed: {job.reason}")
        super().handle(*args, **options)

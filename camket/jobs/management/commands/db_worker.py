"""django-tasks-db's worker, which first marks the jobs of stopped workers as failed.

It takes the place of django_tasks_db's `db_worker` (camket.jobs comes before it in
INSTALLED_APPS) and names itself host:process, so later recoveries can tell whether it is gone.
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from camket.jobs.recovery import new_worker_id, recover_lost_jobs


class Command(DbWorkerCommand):
    help = DbWorkerCommand.help + " (after marking jobs left running by a stopped worker as failed)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=new_worker_id())

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        for job in recover_lost_jobs(own_worker_id=options["worker_id"]):
            self.stdout.write(f"Job {job.job_id} ({job.task_path}) marked failed: {job.reason}")
        super().handle(*args, **options)

"""`camket jobs recover`: mark jobs left running by a stopped worker as failed."""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from camket.jobs.recovery import recover_lost_jobs


class Command(BaseCommand):
    help = "Background jobs: `recover` marks jobs whose worker stopped as failed."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        recover = sub.add_parser(
            "recover",
            help="Mark jobs left running by a stopped worker "
            "as failed (run before starting workers).",
        )
        recover.add_argument("--json", action="store_true")

    def handle(self, *args, action, **options):
        lost = recover_lost_jobs()
        if options["json"]:
            self.stdout.write(json.dumps([vars(job) for job in lost]))
            return
        for job in lost:
            self.stdout.write(f"{job.job_id} {job.task_path}: {job.reason}")
        self.stdout.write(_("%(count)d job(s) marked as failed.") % {"count": len(lost)})

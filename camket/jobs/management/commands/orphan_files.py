"""`camket orphan_files [--delete]`: files no row names, left by a process killed mid-write."""

import json
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from camket.jobs.orphans import delete_orphans, find_orphans


class Command(BaseCommand):
    help = (
        "List stored files that no database row names (left by a process killed between "
        "writing a file and saving its row); --delete removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove the files listed.")
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Only files at least this old: younger ones may be uploads still being saved.",
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, delete, older_than, **options):
        orphans = find_orphans(older_than=timedelta(minutes=older_than))
        if delete:
            delete_orphans(orphans)
        if options["json"]:
            found = [{"path": str(o.path), "size": o.size} for o in orphans]
            self.stdout.write(json.dumps({"orphans": found, "deleted": delete}))
            return
        for orphan in orphans:
            self.stdout.write(f"{orphan.path}\t{orphan.size}")
        template = (
            _("%(count)d orphaned file(s) deleted (%(bytes)d bytes).")
            if delete
            else _("%(count)d orphaned file(s) (%(bytes)d bytes); --delete removes them.")
        )
        self.stdout.write(template % {"count": len(orphans), "bytes": sum(o.size for o in orphans)})

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from camket.backup.errors import BackupError, RestoreRefused
from camket.backup.service import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into this installation's database and data directory, "
        "which must be empty unless --force (stop the web server and worker first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="an archive written by `camket backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and folders that already hold data (the folders are "
            "moved aside, not deleted)",
        )

    def handle(self, *args, archive: Path, force: bool, **options):
        connections.close_all()  # the restore writes the database through its own connection
        try:
            result = restore_backup(archive, force=force)
        except (RestoreRefused, BackupError) as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        for folder in result.replaced:
            self.stdout.write(_("Former files kept in %(folder)s.") % {"folder": folder})
        if result.mismatches:
            listed = ", ".join(
                f"{table} ({want} → {got})" for table, (want, got) in result.mismatches.items()
            )
            raise CommandError(
                _("Restored, but row counts differ from the manifest: %(tables)s.")
                % {"tables": listed}
            )
        self.stdout.write(
            _(
                "Restored %(path)s (made %(created)s by camket %(version)s): %(rows)d rows in "
                "%(tables)d tables and %(files)d files, all as in the manifest."
            )
            % {
                "path": archive,
                "created": manifest["created_at"],
                "version": manifest["camket_version"],
                "rows": sum(manifest["row_counts"].values()),
                "tables": len(manifest["row_counts"]),
                "files": len(manifest["files"]),
            }
        )

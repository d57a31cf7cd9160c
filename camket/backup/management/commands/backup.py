from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.backup.errors import BackupError
from camket.backup.service import create_backup


class Command(BaseCommand):
    help = (
        "Write a backup archive (.tar, or .tar.gz) of the database, the uploaded evidence and "
        "the trained models, while camket keeps running (docs/backup.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="the archive to write")

    def handle(self, *args, out: Path, **options):
        try:
            manifest = create_backup(out)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Backup written to %(path)s: %(rows)d rows in %(tables)d tables, %(files)d files.")
            % {
                "path": out,
                "rows": sum(manifest["row_counts"].values()),
                "tables": len(manifest["row_counts"]),
                "files": len(manifest["files"]),
            }
        )

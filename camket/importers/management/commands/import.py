import json
import sys

from django.core.management.base import BaseCommand, CommandError

from camket.importers.service import import_file


class Command(BaseCommand):
    help = "Import recommendations from a UPR Info export, an OHCHR matrix (DOCX) or a CSV/XLSX."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--framework", metavar="SLUG", help="framework to import into")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--json", action="store_true", help="end with a JSON summary line")
        parser.add_argument("--publish", action="store_true",
                            help="publish new recommendations (default: draft)")

    def handle(self, *args, path, framework, dry_run, json: bool, publish, **options):
        bar = _progress_bar() if sys.stderr.isatty() and not json else None
        try:
            summary = import_file(path, framework_slug=framework, dry_run=dry_run,
                                  publish=publish, progress=bar.update if bar else None)
        finally:
            if bar:
                bar.close()
        out = self.stdout
        if not json:
            verb = "Would import" if dry_run else "Imported"
            if summary.ok:
                out.write(f"{verb} {summary.file_name} ({summary.source}) into "
                          f"{', '.join(summary.frameworks)}: {summary.created} created, "
                          f"{summary.updated} updated, {summary.unchanged} unchanged.")
            for warning in summary.warnings[:50]:
                out.write(f"warning: {warning}")
            for error in summary.errors[:200]:
                self.stderr.write(f"error: {error}")
            if len(summary.errors) > 200:
                self.stderr.write(f"… and {len(summary.errors) - 200} more errors.")
        else:
            out.write(_json_dumps(summary.as_dict()))
        if summary.errors:
            raise CommandError("Nothing was imported.")


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _progress_bar():
    from tqdm import tqdm

    return tqdm(unit=" rows", desc="Importing", file=sys.stderr)

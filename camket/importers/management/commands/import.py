import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            if summary.ok:
                template = (_("Would import %(file)s (%(source)s) into %(frameworks)s: "
                              "%(created)d created, %(updated)d updated, %(unchanged)d "
                              "unchanged.") if dry_run else
                            _("Imported %(file)s (%(source)s) into %(frameworks)s: "
                              "%(created)d created, %(updated)d updated, %(unchanged)d "
                              "unchanged."))
                out.write(template % {
                    "file": summary.file_name, "source": summary.source,
                    "frameworks": ", ".join(summary.frameworks), "created": summary.created,
                    "updated": summary.updated, "unchanged": summary.unchanged})
            for warning in summary.warnings[:50]:
                out.write(_("warning: %(message)s") % {"message": warning})
            for error in summary.errors[:200]:
                self.stderr.write(_("error: %(message)s") % {"message": error})
            if len(summary.errors) > 200:
                self.stderr.write(_("… and %(count)d more errors.")
                                  % {"count": len(summary.errors) - 200})
        else:
            out.write(_json_dumps(summary.as_dict()))
        if summary.errors:
            raise CommandError(_("Nothing was imported."))


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _progress_bar():
    from tqdm import tqdm

    return tqdm(unit=" rows", desc="Importing", file=sys.stderr)

import json
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.importers.records import RowError
from camket.importers.service import IMPORT_PERMISSION, import_file


class Command(BaseCommand):
    help = "Import recommendations from a UPR Info export, an OHCHR matrix (DOCX) or a CSV/XLSX."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--framework", metavar="SLUG", help="framework to import into")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--json", action="store_true", help="end with a JSON summary line")
        parser.add_argument(
            "--publish", action="store_true", help="publish new recommendations (default: draft)"
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=gettext_lazy(
                "replace decisions, tags, links and fields "
                "changed in camket since the last import with "
                "the file's values"
            ),
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=gettext_lazy(
                "who imports (named in the history; needs the "
                "import permission); without it, a system import"
            ),
        )
        parser.add_argument(
            "--encoding",
            metavar="NAME",
            help=gettext_lazy(
                "read a CSV in this encoding (e.g. utf-8, cp1258, "
                "cp1252, mac_roman) instead of detecting it"
            ),
        )

    def handle(self, *args, path, framework, dry_run, json: bool, publish, **options):
        user, refusal = _acting_user(options.get("user"))
        if refusal:
            self._refuse(refusal, json)
        bar = _progress_bar() if sys.stderr.isatty() and not json else None
        try:
            summary = import_file(
                path,
                framework_slug=framework,
                dry_run=dry_run,
                publish=publish,
                progress=bar.update if bar else None,
                overwrite=options.get("overwrite", False),
                user=user,
                encoding=options.get("encoding"),
            )
        except PermissionDenied as error:  # a framework the user does not coordinate
            self._refuse(_("%(reason)s Nothing was imported.") % {"reason": error}, json)
        finally:
            if bar:
                bar.close()
        out = self.stdout
        if not json:
            if summary.ok:
                template = (
                    _(
                        "Would import %(file)s (%(source)s) into %(frameworks)s: "
                        "%(created)d created, %(updated)d updated, %(unchanged)d "
                        "unchanged."
                    )
                    if dry_run
                    else _(
                        "Imported %(file)s (%(source)s) into %(frameworks)s: "
                        "%(created)d created, %(updated)d updated, %(unchanged)d "
                        "unchanged."
                    )
                )
                out.write(
                    template
                    % {
                        "file": summary.file_name,
                        "source": summary.source,
                        "frameworks": ", ".join(summary.frameworks),
                        "created": summary.created,
                        "updated": summary.updated,
                        "unchanged": summary.unchanged,
                    }
                )
                if user is None and not dry_run:
                    out.write(_("Recorded as a system import: no --user was given."))
                _write_changes(out, summary)
            for warning in summary.warnings[:50]:
                out.write(_("warning: %(message)s") % {"message": warning})
            for error in summary.errors[:200]:
                self.stderr.write(_("error: %(message)s") % {"message": error})
            if len(summary.errors) > 200:
                self.stderr.write(
                    _("… and %(count)d more errors.") % {"count": len(summary.errors) - 200}
                )
        else:
            out.write(_json_dumps(summary.as_dict()))
        if summary.errors:
            raise CommandError(_("Nothing was imported."))

    def _refuse(self, message: str, json: bool):
        if json:
            self.stdout.write(
                _json_dumps(
                    {
                        "created": 0,
                        "updated": 0,
                        "unchanged": 0,
                        "errors": [RowError(None, None, message).as_dict()],
                    }
                )
            )
        raise CommandError(message)


def _acting_user(username: str | None):
    """(user, None), (None, None) for a system import, or (None, why the import is refused)."""
    if username is None:
        return None, None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        return None, _("There is no active user “%(name)s”; nothing was imported.") % {
            "name": username
        }
    if not user.has_perm(IMPORT_PERMISSION):
        return None, _(
            "%(name)s may not import recommendations (only the coordinating "
            "ministry may); nothing was imported."
        ) % {"name": username}
    return user, None


def _write_changes(out, summary) -> None:
    """Every field the import changes, and what it keeps because it was changed in camket."""
    for record in summary.changes:
        for label, old, new in record.changes:
            out.write(
                _("%(framework)s %(reference)s: %(field)s: “%(old)s” → “%(new)s”")
                % {
                    "framework": record.framework,
                    "reference": record.reference,
                    "field": label,
                    "old": old,
                    "new": new,
                }
            )
        for label, current, value in record.kept:
            out.write(
                _(
                    "%(framework)s %(reference)s: %(field)s kept as changed in camket: "
                    "“%(current)s” (the file says “%(value)s”; --overwrite replaces it)"
                )
                % {
                    "framework": record.framework,
                    "reference": record.reference,
                    "field": label,
                    "current": current,
                    "value": value,
                }
            )


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _progress_bar():
    from tqdm import tqdm

    return tqdm(unit=" rows", desc="Importing", file=sys.stderr)

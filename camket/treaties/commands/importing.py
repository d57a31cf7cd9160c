"""`camket treaties import FILE [--dry-run] [--user U] [--json]`: states' status from CSV/XLSX."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.treaties.importing import IMPORT_PERMISSION, import_status_file

SHOWN_ERRORS = 200


def add_arguments(parser) -> None:
    parser.add_argument(
        "path",
        help=gettext_lazy(
            "a CSV or XLSX file with the columns state, treaty, signed, action, action_date, "
            "in_force, complaints, inquiry, report_due, report_note, source, source_url, note (a "
            "reservations table: state, treaty, kind, article, text, withdrawn, withdrawn_date); "
            "an absent column leaves its field as it is"
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=gettext_lazy("check and count, write nothing")
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help=gettext_lazy(
            "who imports (named in the history; only the coordinating ministry may); without "
            "it, a system import"
        ),
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=gettext_lazy("read a CSV in this encoding instead of detecting it"),
    )
    parser.add_argument(
        "--json", action="store_true", help=gettext_lazy("end with a JSON summary line")
    )


def _acting_user(username: str | None):
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(
            _("There is no active user “%(name)s”; nothing was imported.") % {"name": username}
        )
    if not user.has_perm(IMPORT_PERMISSION):
        raise CommandError(
            _(
                "%(name)s may not import treaty status (only the coordinating "
                "ministry may); nothing was imported."
            )
            % {"name": username}
        )
    return user


def run(command, options) -> None:
    user = _acting_user(options.get("user"))
    dry_run = options.get("dry_run", False)
    summary = import_status_file(
        options["path"], user=user, dry_run=dry_run, encoding=options.get("encoding")
    )
    out = command.stdout
    for warning in summary.warnings[:50]:
        out.write(_("warning: %(message)s") % {"message": warning})
    for error in summary.errors[:SHOWN_ERRORS]:
        command.stderr.write(_("error: %(message)s") % {"message": error})
    if len(summary.errors) > SHOWN_ERRORS:
        command.stderr.write(
            _("… and %(count)d more errors.") % {"count": len(summary.errors) - SHOWN_ERRORS}
        )
    if summary.ok:
        template = (
            _(
                "Would import %(file)s: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged; reservations: %(r_created)d created, "
                "%(r_updated)d updated."
            )
            if dry_run
            else _(
                "Imported %(file)s: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged; reservations: %(r_created)d created, "
                "%(r_updated)d updated."
            )
        )
        out.write(
            template
            % {
                "file": summary.file_name,
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "r_created": summary.reservations_created,
                "r_updated": summary.reservations_updated,
            }
        )
        if user is None and not dry_run:
            out.write(_("Recorded as a system import: no --user was given."))
    if options.get("json"):
        out.write(json.dumps(summary.as_dict(), ensure_ascii=False))
    if summary.errors:
        raise CommandError(_("The file was refused; nothing was imported."))

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework
from camket.lib.cli import active_user
from camket.translations.workbook import export_workbook, import_workbook


class Command(BaseCommand):
    help = "Vietnamese texts of a framework's items in bulk: export a workbook, import it back."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser(
            "export",
            help="write the items' reference, English text and "
            "current Vietnamese text to an Excel file",
        )
        export.add_argument("--framework", required=True, help="framework slug")
        export.add_argument(
            "--missing", action="store_true", help="only the items without a Vietnamese text"
        )
        export.add_argument("file", type=Path)
        load = sub.add_parser(
            "import", help="write the Vietnamese column of an exported file back (all rows or none)"
        )
        load.add_argument("file", type=Path)
        load.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        load.add_argument(
            "--user",
            default="",
            help="who made the translation (username); it names them in history",
        )

    def handle(self, *args, action, **options):
        if action == "export":
            self._export(options)
        else:
            self._import(options)

    def _export(self, options):
        framework = Framework.objects.filter(slug=options["framework"]).first()
        if framework is None:
            raise CommandError(
                _("There is no framework %(slug)r.") % {"slug": options["framework"]}
            )
        items = framework.recommendations.all()
        if options["missing"]:
            items = items.filter(text_vi="")
        options["file"].write_bytes(export_workbook(items))
        self.stdout.write(
            _("%(count)d item(s) written to %(path)s")
            % {"count": items.count(), "path": options["file"]}
        )

    def _import(self, options):
        user = active_user(options["user"]) if options["user"] else None
        try:
            raw = options["file"].read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from None
        result = import_workbook(user, raw, dry_run=options["dry_run"])
        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("Nothing was imported: %(count)d problem(s).") % {"count": len(result.problems)}
            )
        for change in result.changes:
            self.stdout.write(
                f"{change.recommendation.framework.slug} {change.recommendation.reference}"
            )
        counts = {"changed": len(result.changes), "unchanged": result.unchanged}
        if options["dry_run"]:
            self.stdout.write(
                _(
                    "Dry run: %(changed)d text(s) would change, %(unchanged)d "
                    "unchanged; nothing written."
                )
                % counts
            )
        else:
            self.stdout.write(
                _("%(changed)d Vietnamese text(s) written, %(unchanged)d unchanged.") % counts
            )

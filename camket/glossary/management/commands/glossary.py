"""`camket glossary list|import FILE|export`: the bilingual search glossary.

Without `--user`, import acts as the system and the history names no one; with it, that person
must be a coordinator and the history names them."""

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.glossary.importing import export_csv, import_glossary
from camket.glossary.services import find_terms
from camket.lib.cli import active_user


class Command(BaseCommand):
    help = "The glossary that lets Vietnamese queries find English texts: list, import, export."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="the terms, Vietnamese first")
        listing.add_argument(
            "query",
            nargs="?",
            default="",
            help="words of the Vietnamese (diacritics optional) or English",
        )
        listing.add_argument("--domain", default="")
        listing.add_argument("--archived", action="store_true", help="archived terms only")
        listing.add_argument("--json", action="store_true")
        importing = sub.add_parser(
            "import", help="add or update terms from a CSV or XLSX file; all or nothing"
        )
        importing.add_argument("file")
        importing.add_argument("--user", help="the coordinator doing it")
        importing.add_argument("--json", action="store_true")
        exporting = sub.add_parser("export", help="every term as CSV, the import's columns")
        exporting.add_argument("--output", "-o", help="a file to write (default: print)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(options)

    def _list(self, options):
        terms = find_terms(
            options["query"],
            domain=options["domain"],
            archived=True if options["archived"] else False,
        )
        rows = [
            {
                "id": t.pk,
                "term_vi": t.term_vi,
                "term_en": t.term_en,
                "variants_en": t.variants_en,
                "domain": t.domain,
                "archived": t.archived,
            }
            for t in terms
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for row in rows:
            variants = f" ({row['variants_en']})" if row["variants_en"] else ""
            self.stdout.write(f"{row['term_vi']} – {row['term_en']}{variants} [{row['domain']}]")

    def _import(self, options):
        user = active_user(options["user"]) if options["user"] else None
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        try:
            result = import_glossary(path, user)
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        if result.errors:
            for problem in result.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                _("Nothing was imported: %(count)d problem(s).") % {"count": len(result.errors)}
            )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
        else:
            self.stdout.write(
                _("%(created)d added, %(updated)d updated, %(unchanged)d unchanged.")
                % result.as_dict()
            )

    def _export(self, options):
        text = export_csv(find_terms(archived=None))
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils.translation import gettext as _

from camket.consultations import export, services
from camket.consultations.models import Comment
from camket.consultations.scoping import coordinated_consultations, get_consultation_for_coordinator
from camket.lib.cli import active_user
from camket.lib.concurrency import StaleEdit


class Command(BaseCommand):
    help = (
        "Consultations of the frameworks a coordinator (--user) coordinates: list them, "
        "list or export their comments, moderate and answer a comment."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="list consultations")
        comments = sub.add_parser("comments", help="list a consultation's comments")
        comments.add_argument("consultation_id", type=int)
        comments.add_argument("--state", default="", choices=["", *Comment.State.values])
        exporting = sub.add_parser("export", help="write the comments to a .csv or .xlsx file")
        exporting.add_argument("consultation_id", type=int)
        exporting.add_argument("--out", type=Path, required=True)
        moderate = sub.add_parser("moderate", help="publish or reject a comment, or answer it")
        moderate.add_argument("comment_id", type=int)
        moderate.add_argument("--state", choices=Comment.State.values)
        moderate.add_argument("--response")
        for parser_ in (listing, comments, exporting, moderate):
            parser_.add_argument("--user", required=True, help="the coordinator (username)")
        for parser_ in (listing, comments, moderate):
            parser_.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        user = active_user(options["user"])
        try:
            getattr(self, f"_{options['action']}")(user, options)
        except (PermissionDenied, StaleEdit) as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except Http404:
            raise CommandError(_("No such consultation among those you coordinate.")) from None

    def _list(self, user, options):
        rows = [
            {
                "id": c.pk,
                "framework": c.framework.slug,
                "subject": c.subject,
                "title": c.title,
                "opens_at": c.opens_at.isoformat(),
                "closes_at": c.closes_at.isoformat(),
                "open": c.is_open(),
                "pending": c.comments.filter(state=Comment.State.PENDING).count(),
                "summary_published": c.summary_is_published,
            }
            for c in coordinated_consultations(user).select_related("framework")
        ]
        self._print(
            rows,
            options,
            lambda r: (
                f"{r['id']}\t{r['framework']}\t{r['title']}\t"
                f"{'open' if r['open'] else 'closed'}\t"
                f"{r['pending']} pending"
            ),
        )

    def _comments(self, user, options):
        consultation = get_consultation_for_coordinator(user, options["consultation_id"])
        comments = consultation.comments.select_related("item")
        if options["state"]:
            comments = comments.filter(state=options["state"])
        rows = [self._row(c) for c in comments]
        self._print(
            rows,
            options,
            lambda r: f"{r['id']}\t{r['state']}\t{r['item'] or '-'}\t{r['text'][:70]}",
        )

    def _export(self, user, options):
        consultation = get_consultation_for_coordinator(user, options["consultation_id"])
        out = options["out"]
        if out.suffix.lower() == ".csv":
            out.write_text(export.comments_csv(consultation), encoding="utf-8")
        elif out.suffix.lower() == ".xlsx":
            out.write_bytes(export.comments_workbook(consultation))
        else:
            raise CommandError(_("--out must end in .csv or .xlsx."))
        self.stdout.write(str(out))

    def _moderate(self, user, options):
        comment = (
            Comment.objects.select_related("consultation__framework")
            .filter(pk=options["comment_id"], consultation__in=coordinated_consultations(user))
            .first()
        )
        if comment is None:
            raise Http404
        if options["state"]:
            services.moderate(user, comment, options["state"], version=comment.version)
        if options["response"] is not None:
            services.answer(user, comment, options["response"], version=comment.version)
        self._print([self._row(comment)], options, lambda r: f"{r['id']}\t{r['state']}")

    @staticmethod
    def _row(comment) -> dict:
        return {
            "id": comment.pk,
            "item": comment.item.reference if comment.item else "",
            "name": comment.name,
            "organisation": comment.organisation,
            "text": comment.text,
            "state": comment.state,
            "response": comment.response,
            "submitted_at": comment.submitted_at.isoformat(),
        }

    def _print(self, rows, options, line):
        if options.get("json"):
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
        else:
            for row in rows:
                self.stdout.write(line(row))

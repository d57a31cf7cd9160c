from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.documents import generate
from camket.frameworks.models import Framework


class Command(BaseCommand):
    help = (
        "Write a report draft (DOCX or PDF): positions on the recommendations, the "
        "implementation plan, or the mid-term report. Without --user it is a system "
        "export: every item of the framework, drafts included, archived ones left out. "
        "With --user it holds only what that user may see."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", help="positions, plan or midterm")
        parser.add_argument("--framework", required=True, help="the framework's short name")
        parser.add_argument("--format", required=True, dest="file_format", help="docx or pdf")
        parser.add_argument("--lang", default="vi", help="vi (the default) or en")
        parser.add_argument("--out", required=True, help="the file to write")
        parser.add_argument(
            "--user", default="", help="make the draft as this user sees the framework (username)"
        )

    def handle(self, *args, kind, framework, file_format, lang, out, user, **options):
        try:
            generate.check_choices(kind, file_format, lang)
        except generate.UnknownChoice as error:
            raise CommandError(str(error)) from None
        found = Framework.objects.filter(slug=framework).first()
        if found is None:
            raise CommandError(_("No framework “%(slug)s”.") % {"slug": framework})
        reader = None
        if user:
            reader = get_user_model().objects.filter(username=user, is_active=True).first()
            if reader is None:
                raise CommandError(_("No active user “%(name)s”.") % {"name": user})
        target = Path(out)
        if target.is_dir() or not target.parent.is_dir():
            raise CommandError(
                _("Cannot write %(path)s: no such folder, or it is a folder.") % {"path": out}
            )
        data = generate.make_document(kind, found, file_format, lang, reader)
        try:
            target.write_bytes(data)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": out, "error": error.strerror}
            ) from None
        self.stdout.write(_("Wrote %(path)s (%(size)d bytes).") % {"path": out, "size": len(data)})

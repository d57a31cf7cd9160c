from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.__main__ import cli_language
from camket.exports.service import FORMATS, LAYOUTS, ExportError, export_items, system_items
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_frameworks, visible_recommendations
from camket.plans.models import Action
from camket.plans.scoping import visible_actions


class Command(BaseCommand):
    help = gettext_lazy(
        "Export a framework's items to a file. Without --user it is a system export: every "
        "item of the framework but the archived ones, drafts included. xlsx and docx are laid "
        "out as OHCHR's thematic lists (matrix) unless --layout list; a matrix can be imported "
        "again (camket import FILE) into an empty camket."
    )

    def add_arguments(self, parser):
        parser.add_argument("--framework", metavar="SLUG", required=True)
        parser.add_argument("--format", choices=FORMATS, required=True, dest="fmt")
        parser.add_argument("--out", metavar="FILE", required=True)
        parser.add_argument(
            "--layout",
            choices=LAYOUTS,
            help=gettext_lazy("matrix (default for xlsx and docx) or list"),
        )
        parser.add_argument(
            "--columns",
            metavar="A,B,C",
            help=gettext_lazy("the columns of a list (default: the usual ones)"),
        )
        parser.add_argument(
            "--lang",
            choices=("vi", "en"),
            help=gettext_lazy("language of headers and labels (default: the terminal's)"),
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help=gettext_lazy("export only what this user may see")
        )

    def handle(self, *args, framework: str, fmt: str, out: str, **options):
        user = _user(options.get("user"))
        found = self._framework(framework, user)
        layout = options.get("layout") or ("matrix" if fmt in ("xlsx", "docx") else "list")
        if user is None:  # the system reads every item, so it names every parent
            items, actions, readable = (
                system_items(found),
                Action.objects.all(),
                Recommendation.objects.all(),
            )
        else:
            readable = visible_recommendations(user)
            items, actions = readable.filter(framework=found), visible_actions(user)
        target = Path(out)
        if target.is_dir() or not target.parent.is_dir():
            raise CommandError(
                _("Cannot write %(path)s: no such folder, or it is a folder.") % {"path": out}
            )
        try:
            exported = export_items(
                items,
                fmt=fmt,
                framework=found,
                columns=options.get("columns"),
                layout=layout,
                language=options.get("lang") or cli_language(),
                actions=actions,
                readable=readable,
            )
        except ExportError as error:
            raise CommandError(str(error)) from None
        try:
            target.write_bytes(exported.content)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s")
                % {"path": out, "error": error.strerror or error}
            ) from None
        count = items.count()
        self.stdout.write(
            _("Exported %(count)d items of %(framework)s to %(path)s (%(format)s, %(layout)s).")
            % {
                "count": count,
                "framework": found.slug,
                "path": out,
                "format": fmt,
                "layout": layout,
            }
        )

    def _framework(self, slug: str, user) -> Framework:
        frameworks = (
            Framework.objects.all()
            if user is None
            else visible_frameworks(user, include_archived=True)
        )
        found = frameworks.filter(slug=slug).first()
        if found is None:
            known = ", ".join(frameworks.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                _("There is no framework “%(slug)s” (known: %(known)s).")
                % {"slug": slug, "known": known or _("none yet")}
            )
        return found


def _user(username: str | None):
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(_("There is no active user “%(name)s”.") % {"name": username})
    return user

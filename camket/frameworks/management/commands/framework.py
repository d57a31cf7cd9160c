import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils.translation import gettext as _

from camket.frameworks import definitions
from camket.frameworks.framework_data import framework_outline
from camket.frameworks.models import Framework


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class Command(BaseCommand):
    help = "Frameworks: load a definition file (YAML or JSON), show one, list them."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help="create or update a framework from a definition file (docs/frameworks.md)"
        )
        load.add_argument("file", type=Path)
        load.add_argument("--json", action="store_true", help="end with a JSON summary line")
        load.add_argument(
            "--user",
            metavar="USERNAME",
            help="who loads it (must coordinate the framework); without it, a system change",
        )
        show = sub.add_parser("show", help="a framework and its tree of items")
        show.add_argument("slug")
        show.add_argument("--json", action="store_true", help="last line: the framework as JSON")
        listing = sub.add_parser("list", help="list frameworks")
        listing.add_argument("--json", action="store_true")

    def handle(self, *args, action, **options):
        getattr(self, "_" + action)(options)

    def _load(self, options):
        result = definitions.LoadResult(slug="")
        try:
            user = self._user(options["user"]) if options["user"] else None
            result = definitions.load(options["file"], user=user)
        except definitions.DefinitionError as error:
            result.errors = error.messages
        except (PermissionDenied, ValidationError) as error:
            result.errors = (
                error.messages
                if isinstance(error, ValidationError)
                else [str(error) or _("Not allowed.")]
            )
        if options["json"]:
            self.stdout.write(_json(result.as_dict()))
        elif not result.errors:
            self.stdout.write(self._summary(result))
        if result.errors:
            for message in result.errors:
                self.stderr.write(message)
            raise CommandError(_("Nothing was loaded."))

    def _summary(self, result: definitions.LoadResult) -> str:
        counts = result.items
        if result.created:
            head = _("Framework %(slug)s created.") % {"slug": result.slug}
        elif result.changed:
            head = _("Framework %(slug)s updated: %(fields)s.") % {
                "slug": result.slug,
                "fields": ", ".join(result.changed),
            }
        else:
            head = _("Framework %(slug)s unchanged.") % {"slug": result.slug}
        return (
            head
            + " "
            + _("Items: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % counts.as_dict()
        )

    def _user(self, username: str):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise definitions.DefinitionError(
                [_("There is no active user “%(name)s”.") % {"name": username}]
            )
        return user

    def _show(self, options):
        framework = Framework.objects.filter(slug=options["slug"]).first()
        if framework is None:
            raise CommandError(_("There is no framework “%(slug)s”.") % {"slug": options["slug"]})
        outline = framework_outline(framework)
        if options["json"]:
            self.stdout.write(_json(outline))
            return
        self.stdout.write(f"{framework.slug}  {framework.get_kind_display()}  {framework.name}")
        if framework.name_vi:
            self.stdout.write(f"  {framework.name_vi}")
        self.stdout.write(_("Levels: %(levels)s") % {"levels": " → ".join(outline["levels"])})
        depth = {None: -1}
        for item in outline["items"]:
            depth[item["reference"]] = depth.get(item["parent"], -1) + 1
            indent = "  " * depth[item["reference"]]
            self.stdout.write(f"{indent}{item['reference']}  [{item['level']}]  {item['text']}")

    def _list(self, options):
        frameworks = (
            Framework.objects.select_related("coordinating_agency")
            .annotate(item_count=Count("recommendations"))
            .order_by("slug")
        )
        rows = [
            {
                "slug": f.slug,
                "kind": f.kind,
                "name": f.name,
                "name_vi": f.name_vi,
                "coordinating_agency": f.coordinating_agency.code
                if f.coordinating_agency_id
                else None,
                "items": f.item_count,
                "archived": f.archived,
            }
            for f in frameworks
        ]
        if options["json"]:
            self.stdout.write(_json(rows))
            return
        for row in rows:
            self.stdout.write(
                "  ".join(
                    str(value)
                    for value in (
                        row["slug"],
                        row["kind"],
                        row["items"],
                        row["coordinating_agency"] or "—",
                        row["name"],
                    )
                )
            )

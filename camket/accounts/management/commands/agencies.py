import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.accounts import agencies
from camket.accounts.models import Agency
from camket.lib.cli import active_user


def _add_fields(parser, *, required: bool) -> None:
    parser.add_argument("--name", required=required, help="the Vietnamese name")
    parser.add_argument("--name-en", dest="name_en", help="the English name")
    parser.add_argument(
        "--coordinator",
        dest="is_coordinator",
        action="store_true",
        default=None,
        help="the coordinating ministry",
    )
    parser.add_argument(
        "--not-coordinator",
        dest="is_coordinator",
        action="store_false",
        help="not (or no longer) the coordinating ministry",
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="who makes the change (must manage agencies); without it, a system change",
    )


class Command(BaseCommand):
    help = "Agencies: list, add, edit, archive or bring back (unarchive)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="list agencies")
        listing.add_argument("--archived", action="store_true", help="the archived ones")
        listing.add_argument("--json", action="store_true")
        add = sub.add_parser("add", help="create an agency")
        add.add_argument("code")
        _add_fields(add, required=True)
        edit = sub.add_parser("edit", help="change an agency")
        edit.add_argument("code")
        edit.add_argument("--code", dest="new_code", help="a new code")
        _add_fields(edit, required=False)
        for name, text in (
            ("archive", "archive an agency without open work"),
            ("unarchive", "bring an archived agency back"),
        ):
            archive = sub.add_parser(name, help=text)
            archive.add_argument("code")
            archive.add_argument("--user", metavar="USERNAME")

    def handle(self, *args, action, **options):
        user = active_user(options["user"]) if options.get("user") else None
        try:
            getattr(self, "_" + action)(user, options)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None

    def _list(self, user, options):
        rows = agencies.listed_agencies(archived=options["archived"])
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "code": a.code,
                            "name": a.name,
                            "name_en": a.name_en,
                            "is_coordinator": a.is_coordinator,
                            "archived": a.archived,
                        }
                        for a in rows
                    ],
                    ensure_ascii=False,
                )
            )
            return
        for agency in rows:
            mark = " *" if agency.is_coordinator else ""
            self.stdout.write(f"{agency.code}\t{agency.name}\t{agency.name_en}{mark}")

    @staticmethod
    def _values(options) -> dict:
        values = {
            name: options[name]
            for name in ("name", "name_en", "is_coordinator")
            if options.get(name) is not None
        }
        if options.get("new_code"):
            values["code"] = options["new_code"]
        return values

    def _add(self, user, options):
        change = agencies.create_agency(user, {"code": options["code"], **self._values(options)})
        self.stdout.write(_("Agency %(code)s created.") % {"code": change.agency.code})

    def _edit(self, user, options):
        change = agencies.update_agency(user, self._agency(options["code"]), self._values(options))
        if change.changed:
            self.stdout.write(
                _("Agency %(code)s changed: %(fields)s.")
                % {"code": change.agency.code, "fields": ", ".join(change.changed)}
            )
        else:
            self.stdout.write(_("Agency %(code)s unchanged.") % {"code": change.agency.code})

    def _archive(self, user, options):
        change = agencies.set_archived(user, self._agency(options["code"]), True)
        self.stdout.write(_("Agency %(code)s archived.") % {"code": change.agency.code})

    def _unarchive(self, user, options):
        change = agencies.set_archived(user, self._agency(options["code"]), False)
        self.stdout.write(_("Agency %(code)s brought back.") % {"code": change.agency.code})

    @staticmethod
    def _agency(code: str) -> Agency:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(_("There is no agency %(code)s.") % {"code": code})
        return agency

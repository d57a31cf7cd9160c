"""`camket treaties import|status|link`: the instrument register from the command line.

Each sub-command lives in its own module of `camket.treaties.commands`, which defines
`add_arguments(parser)` and `run(command, options)`; this file only dispatches."""

from importlib import import_module

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

SUB_COMMANDS = {
    # name: (module in camket.treaties.commands, help)
}


def register(name: str, module: str, help_text: str) -> None:
    SUB_COMMANDS[name] = (module, help_text)


register("import", "importing", "import states' status in instruments from a CSV or XLSX file")
register("status", "status", "a state's status in every instrument (--json: a JSON list)")
register("link", "linking", "find the instruments items ask to ratify, in existing items")


def _module(name: str):
    return import_module(f"camket.treaties.commands.{SUB_COMMANDS[name][0]}")


class Command(BaseCommand):
    help = "Treaties: import statuses, a state's status in every instrument, find links."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name, (_module_name, help_text) in SUB_COMMANDS.items():
            _module(name).add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args, action, **options):
        try:
            _module(action).run(self, options)
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from camket.inbox.notify import notify_due_soon
from camket.lib.cli import date_option
from camket.reminders.services import as_dicts, send_reminders
from camket.reminders.tasks import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send due-soon and overdue progress-report reminders (each only once). "
        "Suitable for cron, e.g. daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be sent, send nothing"
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument("--date", help="act as if today were this date (YYYY-MM-DD)")
        parser.add_argument(
            "--enqueue", action="store_true", help="queue the run for the background worker instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = send_due_reminders.enqueue()
            self.stdout.write(_("Queued as task %(id)s.") % {"id": result.id})
            return
        today = date_option(options["date"])
        outcomes = send_reminders(today=today, dry_run=options["dry_run"])
        if not options["dry_run"]:
            notify_due_soon(today)
        failed = [outcome for outcome in outcomes if outcome.error]
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"dry_run": options["dry_run"], "reminders": as_dicts(outcomes)},
                    ensure_ascii=False,
                )
            )
            self._fail_if_any(failed)
            return
        for outcome in outcomes:
            not_sent = f"  {_('not sent')}" if outcome.error else ""
            self.stdout.write(
                f"{outcome.kind:9} {outcome.due_on}  {outcome.agency:10} "
                f"{outcome.action:12} {outcome.email}{not_sent}"
            )
        if options["dry_run"]:
            self.stdout.write(_("%(count)d reminder(s) would be sent.") % {"count": len(outcomes)})
        else:
            sent = len(outcomes) - len(failed)
            self.stdout.write(_("%(count)d reminder(s) sent.") % {"count": sent})
        self._fail_if_any(failed)

    def _fail_if_any(self, failed: list[Any]) -> None:
        """The others went out; a non-zero exit tells cron some did not (see the log)."""
        if failed:
            raise CommandError(
                _(
                    "%(count)d reminder(s) could not be sent and will be tried "
                    "again on the next run: %(errors)s"
                )
                % {
                    "count": len(failed),
                    "errors": "; ".join(f"{o.email} ({o.due_on}): {o.error}" for o in failed),
                }
            )

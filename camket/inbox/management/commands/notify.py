from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.inbox.notify import notify_due_soon, send_pending_emails
from camket.lib.cli import date_option


class Command(BaseCommand):
    help = (
        "Create the in-app notices of reports due soon (each once) and e-mail the "
        "notifications whose e-mail failed before. `camket remind` runs this too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, **options):
        created = notify_due_soon(date_option(options["date"]))
        sent, failed = send_pending_emails()
        self.stdout.write(
            _("%(created)d notification(s) created, %(sent)d e-mailed.")
            % {"created": created, "sent": sent}
        )
        if failed:
            raise CommandError(
                _(
                    "%(count)d notification(s) could not be e-mailed and will be "
                    "tried again on the next run (see the log)."
                )
                % {"count": failed}
            )

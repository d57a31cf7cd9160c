import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.inbox.work import work_for


class Command(BaseCommand):
    help = "Print a user's work: opinions requested, reports due and to review, suggestions."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--json", action="store_true", help="end with the result as JSON")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(_("No user %(name)s.") % {"name": options["user"]})
        groups = work_for(user)
        for group in groups:
            self.stdout.write(f"{group.label}: {group.count}")
            for row in group.rows:
                due = row.due_on.isoformat() if row.due_on else "—"
                late = f"  {_('overdue')}" if row.overdue else ""
                self.stdout.write(f"  {due:10}  {row.what}  [{row.framework}]{late}")
        if not any(group.count for group in groups):
            self.stdout.write(_("Nothing is waiting for %(name)s.") % {"name": user.username})
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"user": user.username, "groups": [group.as_dict() for group in groups]},
                    ensure_ascii=False,
                )
            )

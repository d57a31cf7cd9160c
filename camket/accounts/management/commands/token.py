from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from camket.accounts import tokens


class Command(BaseCommand):
    help = "Create, list or revoke API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="issue a token for a user (shown once)")
        create.add_argument("username")
        create.add_argument("--name", default="cli")
        listing = sub.add_parser("list", help="list a user's tokens")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        if action == "revoke":
            count = tokens.revoke_by_prefix(None, options["prefix"])
            if not count:
                raise CommandError(f"No active token starts with {options['prefix']}.")
            self.stdout.write(f"Revoked {count} token(s).")
            return
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user {options['username']!r}.") from None
        if action == "create":
            try:
                _, secret = tokens.issue_token(None, user, options["name"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(secret)
        else:
            for token in tokens.tokens_of(user).order_by("created"):
                state = "revoked" if token.revoked else "active"
                created = f"{token.created:%Y-%m-%d}"
                self.stdout.write(f"{token.prefix}…  {token.name}  {created}  {state}")

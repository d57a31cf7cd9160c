"""Small things the `camket` subcommands share."""

from datetime import date

from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def date_option(value: str | None) -> date | None:
    """The value of a `--date YYYY-MM-DD` option, or None when it was not given."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--date must be YYYY-MM-DD.")) from None

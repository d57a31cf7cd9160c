"""Small things the `camket` subcommands share."""

from datetime import date
from typing import Any

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


def active_user(username: str) -> Any:
    """The active user named by a `--user` option, or a CommandError saying there is none."""
    from django.contrib.auth import get_user_model

    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(_("There is no active user %(name)r.") % {"name": username}) from None

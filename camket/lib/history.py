"""Who made a change, and why, as django-simple-history records it on the next save.

`user=None` is the system (the console, an import without `--user`, the demo): the history row
then names no user. One convention for the whole code base, see docs/decisions.md.
"""

from typing import Any

from django.db.models import Model


def attribute_change(instance: Model, user: Any, reason: str | None = None) -> Model:
    """Record `user` (None: the system) and, when given, `reason` on `instance`'s next
    history row. Returns the instance."""
    instance._history_user = user  # type: ignore[attr-defined]
    if reason is not None:
        instance._change_reason = reason  # type: ignore[attr-defined]
    return instance

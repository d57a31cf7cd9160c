"""A number kept in the shared cache and bumped whenever what some cached values were computed
from changes: keys that carry the number are then never read again, and simply expire.

A change is bumped twice: when it is written, and when its transaction commits. A reader
between the two still sees the committed (old) rows and caches them under the number of the
first bump; the second makes that value stale as soon as the change is visible.
"""

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save


class Generation:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, 1, timeout=None)
            value = cache.get(self.key, 1)
        return int(value)

    def bump(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # not set yet (or evicted): any new number differs from the old keys'
            cache.set(self.key, self.current() + 1, timeout=None)

    def changed(self, using: str | None = None, **_signal_arguments: object) -> None:
        """Signal receiver: a watched record changed, so the number moves now and on commit."""
        self.bump()
        transaction.on_commit(self.bump, using=using)

    def watch(
        self, models: Iterable[type[Model]], links: Iterable[type[Model]] = (), *, name: str
    ) -> None:
        """Bump on every save or delete of `models` and every change of the `links` tables."""
        for model in models:
            label = f"{name}-{model.__name__}"
            post_save.connect(self.changed, sender=model, dispatch_uid=f"{label}-save")
            post_delete.connect(self.changed, sender=model, dispatch_uid=f"{label}-delete")
        for through in links:
            m2m_changed.connect(
                self.changed, sender=through, dispatch_uid=f"{name}-m2m-{through.__name__}"
            )


class Token(Generation):
    """A generation whose values are random, for values a process keeps in its own memory:
    after the cache is emptied (a restore, a test) the next value still differs from the one
    the process computed its copy under, where a counter would start again at 1."""

    def current(self) -> str:  # type: ignore[override]
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            token = cache.get(self.key) or ""
        return str(token)

    def bump(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, timeout=None)


# What the menu's open-work count is computed from (camket/inbox/menu_counts.py watches the
# records); code that writes such records in bulk, without signals, calls `OPEN_WORK.bump()`.
OPEN_WORK = Generation("camket:work:generation")

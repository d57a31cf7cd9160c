"""Optimistic locking: an edit based on an old version is refused instead of overwriting."""

from typing import Any

from django.db.models import F, Model
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from camket.lib.history import attribute_change


class StaleEdit(Exception):
    """Someone else saved the record after this edit was started."""

    def __init__(self, instance: Model):
        self.instance = instance
        super().__init__(
            _("%(record)s was changed by someone else since you opened it.")
            % {"record": capfirst(instance._meta.verbose_name)}
        )


def save_if_current(
    instance: Model, expected_version: int | None, fields: list[str], *, user: Any = None
) -> None:
    """Save `fields` only if the stored version still equals `expected_version`; bump it.

    The check and the write are one UPDATE, so two concurrent saves cannot both succeed.
    History is recorded by saving through the model afterwards, inside the same transaction.
    """
    claim_version(instance, expected_version, user=user)
    instance.save(update_fields=[*fields, "version"])


def claim_version(instance: Any, expected_version: int | None = None, *, user: Any = None) -> None:
    """Bump the stored version if it is still `expected_version` (else StaleEdit), without
    saving the instance: for changes recorded otherwise, such as many-to-many links."""
    if expected_version is None:
        expected_version = instance.version
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1)
    )
    if not updated:
        raise StaleEdit(instance)
    instance.version = expected_version + 1
    if user is not None:
        attribute_change(instance, user)

"""A person's account history as readable entries (the `_history.html` list)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.accounts.models import AccountEvent, Agency, Membership
from camket.frameworks.history import HistoryEntry, person

LABELS = {
    "username": gettext_lazy("username"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "email": gettext_lazy("e-mail"),
    "is_superuser": gettext_lazy("superuser"),
    "role": gettext_lazy("role"),
    "agency": gettext_lazy("agency"),
}


def _value(name: str, value, agencies: dict) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if name == "role":
        return str(dict(Membership.Role.choices).get(value, value))
    if name == "agency":
        agency = agencies.get(value)
        return f"{agency.name} ({value})" if agency else str(value)
    return str(value)


def account_history(user, *, limit: int = 200) -> list[HistoryEntry]:
    events = list(AccountEvent.objects.filter(user=user).select_related("actor")[:limit])
    codes = {change[2] for event in events for change in event.changes if change[0] == "agency"}
    codes |= {change[1] for event in events for change in event.changes if change[0] == "agency"}
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[c for c in codes if c])}
    subject = str(get_user_model()._meta.verbose_name)
    return [
        HistoryEntry(
            when=event.when,
            who=person(event.actor),
            subject=subject,
            kind=event.get_kind_display(),
            reason=event.detail,
            changes=[
                (
                    str(LABELS.get(name, name)),
                    _value(name, old, agencies),
                    _value(name, new, agencies),
                )
                for name, old, new in event.changes
            ],
        )
        for event in events
    ]

"""What changed, who changed it and when: readable entries from django-simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

_KIND = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
HIDDEN_FIELDS = {"search_document", "version", "modified", "created"}


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    subject: str
    kind: str
    reason: str = ""
    changes: list[tuple[str, str, str]] = field(default_factory=list)


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001  (m2m history fields are not model fields)
        return name


def _show(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)[:300]


def entries_for(instance, subject: str = "", *, limit: int = 200) -> list[HistoryEntry]:
    records = list(instance.history.select_related("history_user").order_by("-history_date")[
        :limit])
    model = type(instance)
    result = []
    for index, record in enumerate(records):
        entry = HistoryEntry(
            when=record.history_date,
            who=str(record.history_user) if record.history_user else _("system"),
            subject=subject or str(model._meta.verbose_name),
            kind=_KIND.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
        )
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                old, new = change.old, change.new
                if isinstance(old, list) or isinstance(new, list):
                    old, new = _m2m_names(model, change.field, old), _m2m_names(
                        model, change.field, new)
                entry.changes.append((_label(model, change.field), _show(old), _show(new)))
        result.append(entry)
    return result


def _m2m_names(model, field_name: str, rows) -> list[str]:
    related = model._meta.get_field(field_name).related_model
    ids = [row[related._meta.model_name] for row in rows or [] if isinstance(row, dict)]
    return sorted(str(obj) for obj in related.objects.filter(pk__in=ids))

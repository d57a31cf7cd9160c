"""What changed, who changed it and when: readable entries from django-simple-history."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from camket.frameworks.models import Category, Framework, Recommendation, State
from camket.frameworks.scoping import visible_recommendations
from camket.frameworks.theme_mapping import MAPPED_REASON
from camket.lib.history_diff import RecordDiffs
from camket.review.clusters import shown_title, visible_clusters
from camket.review.models import Cluster

_KIND = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}
HIDDEN_FIELDS = {"search_document", "version", "modified", "created"}


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    subject: str
    kind: str
    reason: str = ""
    changes: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Lens:
    """How a reader outside the circle that may see an object's drafts reads its history.

    `shows(record, older)` says whether a historical record is read at all (`older` is the
    record just before it, or None). `mask(record)` blanks, in place, what the reader must not
    read in a record they do see or compare with. A shown record is compared with the shown
    record before it; the first shown one with the record just before it (masked) only when
    `compare_first` — the state it was in when the reader could first see it — else with
    nothing, so a hidden draft never appears as the "old" value of a change.
    """

    shows: Callable
    mask: Callable | None = None
    compare_first: bool = False


def within(windows: list[tuple[datetime, datetime | None]], when: datetime) -> bool:
    return any(start <= when and (end is None or when < end) for start, end in windows)


def windows_of(records, shows: Callable) -> list[tuple[datetime, datetime | None]]:
    """The periods during which an object's state was readable, from its records in any order:
    each starts at a record `shows` keeps and ends at the next record it does not."""
    ordered = sorted(records, key=lambda record: record.history_date)
    result, start = [], None
    for index, record in enumerate(ordered):
        older = ordered[index - 1] if index else None
        if shows(record, older):
            start = start or record.history_date
        elif start is not None:
            result.append((start, record.history_date))
            start = None
    if start is not None:
        result.append((start, None))
    return result


# Import reasons are "Imported from <file>" (see importers.service.import_reason); the prefix
# is repeated here because the importers depend on this module, not the other way round.
_IMPORTED_FROM = "Imported from "
_SYSTEM_IMPORT = " (system import, no user)"


def _pattern(msgid: str) -> re.Pattern:
    """A regular expression matching `msgid` with its %(name)s parameters filled in."""
    parts = re.split(r"%\((\w+)\)s", msgid)
    return re.compile(
        "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        ),
        re.DOTALL,
    )


# Reasons stored in English with parameters filled in: recognised and translated when read.
_PARAMETERISED_REASONS = [(msgid, _pattern(msgid)) for msgid in (MAPPED_REASON,)]


def readable_reason(stored: str) -> str:
    """A change reason in the reader's language. Reasons are stored in English, as written in
    the code (msgids), and translated when read; reasons stored already translated, or typed by
    a person, read as stored."""
    if not stored:
        return ""
    if stored.startswith(_IMPORTED_FROM):
        source = stored.removeprefix(_IMPORTED_FROM)
        system = source.endswith(_SYSTEM_IMPORT)
        source = source.removesuffix(_SYSTEM_IMPORT)
        if system:
            return _("Imported from %(file)s (system import, no user)") % {"file": source}
        return _("Imported from %(file)s") % {"file": source}
    for msgid, pattern in _PARAMETERISED_REASONS:
        filled = pattern.fullmatch(stored)
        if filled:
            return _(msgid) % filled.groupdict()
    return _(stored)


def person(user) -> str:
    return (user.get_full_name() or user.username) if user else _("system")


def _readable(model, user):
    """Linked records the reader may see: a history must not name what scoping hides."""
    if user is not None and model is Recommendation:
        return visible_recommendations(user)
    if user is not None and model is Cluster:
        return visible_clusters(user)
    return model._default_manager.all()


def _named(obj) -> str:
    """A linked record in the reader's language, for those named in two (states, categories,
    frameworks)."""
    if isinstance(obj, (State, Category, Framework)):
        name = obj.label(get_language() or "vi")
        code = getattr(obj, "code", "")
        return f"{code} {name}" if code and not name.startswith(code) else name
    return str(obj)


def _display(model_field, value, user=None) -> str:
    """A stored value as a person reads it: choice labels, related names, item lists."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        related = model_field.related_model
        key = related._meta.model_name
        ids = [row[key] for row in value if isinstance(row, dict) and key in row]
        names = sorted(_named(obj) for obj in _readable(related, user).filter(pk__in=ids))
        hidden = len(set(ids)) - len(names)
        if hidden:
            names.append(_("%(count)d not shown") % {"count": hidden})
        return ", ".join(names) or "—"
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = _readable(model_field.related_model, user).filter(pk=value).first()
        if related is None:
            return _("not shown") if user is not None else f"#{value}"
        if isinstance(related, Cluster) and user is not None:
            return shown_title(user, related)
        return person(related) if hasattr(related, "get_full_name") else _named(related)
    return str(value)[:300]


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _readable_records(records: list, lens: Lens | None) -> list[tuple[object, object]]:
    """(record, the record to compare it with) for the records the lens lets through, newest
    first; `records` are newest first."""
    if lens is None:
        return [
            (record, records[index + 1] if index + 1 < len(records) else None)
            for index, record in enumerate(records)
        ]
    shown = [
        (index, record)
        for index, record in enumerate(records)
        if lens.shows(record, records[index + 1] if index + 1 < len(records) else None)
    ]
    if lens.mask is not None:
        for record in records:
            lens.mask(record)
    pairs = []
    for position, (index, record) in enumerate(shown):
        if position + 1 < len(shown):
            pairs.append((record, shown[position + 1][1]))
        elif lens.compare_first and index + 1 < len(records):
            pairs.append((record, records[index + 1]))
        else:
            pairs.append((record, None))
    return pairs


def entries_for(
    instance, subject: str = "", *, limit: int = 200, user=None, lens: Lens | None = None
) -> list[HistoryEntry]:
    """Readable history of `instance`; with `user`, linked records they cannot see are not named;
    with `lens`, only the records (and values) that reader may see of the object's drafts."""
    records = list(
        instance.history.select_related("history_user").order_by("-history_date")[:limit]
    )
    model = type(instance)
    diffs = RecordDiffs(records)
    result = []
    for record, previous in _readable_records(records, lens):
        entry = HistoryEntry(
            when=record.history_date,
            who=person(record.history_user),
            subject=subject or str(model._meta.verbose_name),
            kind=str(_KIND.get(record.history_type, record.history_type)),
            reason=readable_reason(record.history_change_reason or ""),
        )
        if previous is not None:
            for change in diffs.changes(record, previous):
                if change.field in HIDDEN_FIELDS:
                    continue
                model_field = _field(model, change.field)
                label = str(model_field.verbose_name) if model_field else change.field
                entry.changes.append(
                    (
                        label,
                        _display(model_field, change.old, user),
                        _display(model_field, change.new, user),
                    )
                )
        result.append(entry)
    return result
